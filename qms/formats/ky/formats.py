# Kyrgyz: Django's module writes decimals with a point; Kyrgyz writes a comma (5,50), as
# Russian does. Month names in lower case inside a date come from locale_vendor/ky.
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
