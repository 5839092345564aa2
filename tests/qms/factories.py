import factory
from django.contrib.auth.models import Group

from qms.models import Membership, OrganisationalUnit, User
from qms.roles import Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("secret-pass-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in [Role.STAFF] if extracted is None else extracted:
            self.groups.add(Group.objects.get_or_create(name=role)[0])
        self.__dict__.pop("roles", None)  # drop the cached value


class UnitFactory(factory.django.DjangoModelFactory):
    """Creates units through treebeard (add_root / add_child), as the services do."""

    class Meta:
        model = OrganisationalUnit

    name = factory.Sequence(lambda n: f"Unit {n}")
    kind = OrganisationalUnit.Kind.DEPARTMENT

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        unit = model_class(**kwargs)
        if parent is None:
            return model_class.objects.add_root(instance=unit)
        parent.refresh_from_db()
        return model_class.objects.add_child(parent, instance=unit)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    unit = factory.SubFactory(UnitFactory)
    user = factory.SubFactory(UserFactory)
    position = "Lecturer"


def build_report(capture_on_commit, kind, by, fmt="pdf", params=None, language="en"):
    """Request a report through the service, let the (eager) worker build it on commit, and
    return (report, file content); the build must succeed."""
    from qms.models import Report
    from qms.services import report_request

    with capture_on_commit(execute=True):
        report, created = report_request(kind=kind, fmt=fmt, params=params or {}, by=by, language=language)
    assert created
    report.refresh_from_db()
    assert report.status == Report.Status.DONE, report.error
    with report.file.open("rb") as file:
        return report, file.read()
