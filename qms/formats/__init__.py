"""Date and number formats per language (FORMAT_MODULE_PATH), where Django has none (Kazakh) or
where its own would be wrong for our readers. A module here only overrides what it names; the
rest comes from Django's module for the language."""
