# Kazakh: Django ships none. Dates as Kazakh official documents write them ("2026 жылғы
# 21 қараша", "21.11.2026"); month names in lower case come from the "alt. month" messages
# in locale_vendor/kk. Decimal comma, non-breaking space between thousands, Monday first.
from qms.formats.dotted import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401

DATE_FORMAT = r"Y \ж\ы\л\ғ\ы j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"Y \ж\ы\л\ғ\ы j E, H:i"
YEAR_MONTH_FORMAT = r"Y \ж\ы\л\ғ\ы E"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Дүйсенбі

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
