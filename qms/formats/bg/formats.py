# Bulgarian: month names in lower case inside a date ("21 ноември 2026 г.", the "alt. month"
# messages of locale_vendor/bg). Django's module has no date-time, year-month or input formats, so those fell back
# to the American defaults ("Nov. 21, 2026, 2:30 p.m.", 11/21/2026).
from qms.formats.dotted import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401

DATE_FORMAT = r"j E Y \г\."
TIME_FORMAT = r"H:i \ч\."
DATETIME_FORMAT = r"j E Y \г\., H:i \ч\."
YEAR_MONTH_FORMAT = r"F Y \г\."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # понеделник

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
