import factory

from policies import services
from policies.models import Document
from tests.qms.factories import UnitFactory, UserFactory


class DocumentFactory(factory.Factory):
    """Documents through the service, as the portal makes them."""

    class Meta:
        model = Document

    code = factory.Sequence(lambda n: f"DP {n:02d}.01")
    title = factory.Sequence(lambda n: f"Procedure {n}")
    type = Document.Type.PROCEDURE
    level = Document.Level.PROCEDURES
    owner_unit = factory.SubFactory(UnitFactory)
    owner = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.document_create(**kwargs)

    _build = _create
