"""When a worker starts, it sends the report builds recorded while no worker or queue was there
(and takes back those a dead worker left running), instead of waiting for the beat."""

import logging

from celery.signals import worker_ready

logger = logging.getLogger(__name__)


@worker_ready.connect
def send_pending_reports(sender=None, **kwargs):
    from .services import reports_recover

    try:
        logger.info("pending report builds: %s", reports_recover())
    except Exception:  # the database may be down too: the beat tries again
        logger.exception("pending report builds could not be sent")
