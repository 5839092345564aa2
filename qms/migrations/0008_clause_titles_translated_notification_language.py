from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("qms", "0007_report_jobs_schedule_and_digest"),
    ]

    operations = [
        migrations.RenameField(model_name="standardclause", old_name="title", new_name="title_en"),
        migrations.AlterField(
            model_name="standardclause",
            name="title_en",
            field=models.CharField(max_length=255, verbose_name="title in English"),
        ),
        migrations.AddField(
            model_name="notification",
            name="language",
            field=models.CharField(
                blank=True,
                choices=[("en", "English"), ("bg", "Bulgarian"), ("ru", "Russian"), ("kk", "Kazakh"), ("ky", "Kyrgyz")],
                max_length=10,
                verbose_name="language",
            ),
        ),
    ]
