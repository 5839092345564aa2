import factory

from processes import services
from processes.models import Process
from tests.qms.factories import UserFactory


class ProcessFactory(factory.Factory):
    """Processes through the service, as the portal makes them."""

    class Meta:
        model = Process

    code = factory.Sequence(lambda n: f"F {n:03d}")
    name = factory.Sequence(lambda n: {"en": f"Process {n}"})
    kind = Process.Kind.CORE
    leader = factory.SubFactory(UserFactory)
    owner = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.process_create(**kwargs)

    _build = _create
