# Bulgarian: month names in lower case inside a date ("21 ноември 2026 г.", the "alt. month"
# messages of locale_vendor/bg). Django's module has no date-time, year-month or input formats, so those fell back
# to the American defaults ("Nov. 21, 2026, 2:30 p.m.", 11/21/2026).
DATE_FORMAT = r"j E Y \г\."
TIME_FORMAT = r"H:i \ч\."
DATETIME_FORMAT = r"j E Y \г\., H:i \ч\."
YEAR_MONTH_FORMAT = r"F Y \г\."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # понеделник

DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # '25.10.2006'
    "%d.%m.%y",  # '25.10.06'
    "%Y-%m-%d",  # '2006-10-25'
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # '25.10.2006 14:30:59'
    "%d.%m.%Y %H:%M",  # '25.10.2006 14:30'
    "%d.%m.%Y",  # '25.10.2006'
    "%Y-%m-%d %H:%M:%S",  # '2006-10-25 14:30:59'
    "%Y-%m-%d %H:%M",  # '2006-10-25 14:30'
    "%Y-%m-%d",  # '2006-10-25'
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
