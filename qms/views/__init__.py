from django.contrib import messages


def report_error(request, error):
    """Show each message of a ValidationError (a refused workflow step) to the user."""
    for message in error.messages:
        messages.error(request, message)
