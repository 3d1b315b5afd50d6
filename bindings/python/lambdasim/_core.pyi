"""
lambdasim C++ core (private; use the lambdasim package)
"""
from __future__ import annotations
import collections.abc
import numpy
import numpy.typing
import os
import typing
__all__: list[str] = ['Arrivals', 'BillCurveResult', 'BillOptions', 'BillingRules', 'BreakEvenResult', 'CheckOptions', 'CheckResult', 'CompareOptions', 'Component', 'ComputeComparison', 'ComputeEstimate', 'ConfigError', 'ConvergenceError', 'CurveResult', 'Ec2InstanceType', 'FitCandidate', 'FitOptions', 'FitResult', 'KeepAlive', 'LatencyStats', 'LmiBill', 'LmiConfig', 'LmiLayout', 'LmiModel', 'LmiPlan', 'LmiRequestWork', 'LmiSimulateOptions', 'LmiSimulationResult', 'LogHistogram', 'MonthlyBill', 'PROFILE_COLUMNS', 'Platform', 'PoolModel', 'PowertuningStats', 'PriceTable', 'PriceTier', 'Profile', 'RECOMMEND_CHOICES', 'RecommendCandidate', 'RecommendChange', 'RecommendOptions', 'RecommendTable', 'Recommendation', 'Recycling', 'SWEEP_LOAD_DEFAULTS', 'SimulateOptions', 'SimulationResult', 'Sweep', 'SweepMetadata', 'SweepSummary', 'VcpuTier', 'architecture_speed_ratio', 'bill_curve', 'bill_curve_columns', 'bill_curve_profiles', 'billed_ms', 'break_even_peak', 'break_even_requests', 'check', 'clopper_pearson', 'cold_ms', 'cold_probability', 'compare_compute', 'compute_bill', 'compute_lmi_bill', 'constraint_words', 'cpu_time_ms', 'curve', 'curve_columns', 'curve_one', 'curve_profiles', 'decode_visualization', 'encode_visualization', 'enum_names', 'fit', 'fit_batch', 'gb_seconds', 'lmi_assumptions', 'lmi_instances_for', 'lmi_resolve', 'lmi_work_of', 'mean_month_hours', 'mixture_percentile', 'overflow_fraction', 'plan_lmi', 'platform_in_force', 'powertuning_base_usd_per_ms', 'powertuning_min_ram_mb', 'powertuning_power_values_mb', 'powertuning_price', 'powertuning_statistics', 'powertuning_trimmed_mean', 'provisioned_break_even', 'provisioned_for_peak', 'recommend', 'recommend_columns', 'recommend_profiles', 'simulate', 'simulate_batch', 'simulate_lmi', 'simulated_bill', 'simulated_lmi_bill', 'simulated_requests_per_s', 'warm_ms']
class ConfigError(ValueError):
    """
    A file or JSON document that cannot be read: names the file and the JSON pointer (or line) and the offending value. A ValueError.
    """
class ConvergenceError(RuntimeError):
    """
    An iterative computation (a fit) that did not converge.
    """
class VcpuTier:
    """
    From from_mb upwards (until the next tier), the function sees vcpus CPUs.
    """
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, from_mb: typing.SupportsInt | typing.SupportsIndex, vcpus: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def from_mb(self) -> int:
        """
        Memory size from which the tier's visible vCPUs apply (MB).
        """
    @from_mb.setter
    def from_mb(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def vcpus(self) -> int:
        """
        Visible vCPUs from the tier's memory size on.
        """
    @vcpus.setter
    def vcpus(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Platform:
    """
    A serverless platform's resource rules (platform.hpp), from models/*.json: memory grid, CPU share per MB (1,769 MB = one vCPU), visible vCPUs, throttling and billing granularity. Platform.aws_lambda(), Platform.named(name), Platform.resolve(name or path), Platform.load(path).
    """
    @staticmethod
    def aws_lambda() -> Platform:
        """
        The current AWS Lambda platform (models/aws-lambda.json).
        """
    @staticmethod
    def from_json(text: str, origin: str = '<json>') -> Platform:
        """
        Raises with origin and JSON pointer on bad or unknown keys
        """
    @staticmethod
    def load(path: str) -> Platform:
        """
        Raises if the file cannot be read or parsed
        """
    @staticmethod
    def named(name: str) -> Platform:
        """
        A compiled-in platform model by name (see names()).
        """
    @staticmethod
    def names() -> list[str]:
        """
        The names of the compiled-in platform models.
        """
    @staticmethod
    def resolve(name_or_path: str) -> Platform:
        """
        A platform from a model name (names()) or a platform JSON file.
        """
    def __getstate__(self) -> str:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: str) -> None:
        ...
    def check_peak_memory(self, peak_memory_mb: typing.SupportsFloat | typing.SupportsIndex) -> None:
        """
        Raise ValueError when no size of the platform holds peak_memory_mb.
        """
    def cpu_share(self, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
        """
        CPU share in vCPUs, s(m) = min(m / mb_per_vcpu, max_vcpu). Checks memory_mb.
        """
    def memory_grid(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Every allowed memory size, ascending (10,113 sizes for AWS Lambda).
        """
    def parse_memory_spec(self, spec: str) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Parses "128,512,1769" or an inclusive range "128:10240:64"; checks every size. Raises ValueError naming the spec and the bad part
        """
    def to_json(self) -> str:
        """
        The object as JSON text (the file format it loads from).
        """
    def validate(self) -> None:
        """
        Raises ValueError naming the first inconsistent field
        """
    def visible_vcpu_count(self, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
        """
        Number of CPUs the function sees (bounds parallel threads). Checks memory_mb.
        """
    @property
    def billing_granularity_ms(self) -> float:
        """
        Billed duration is rounded up to a multiple of this (ms; 1 since Dec 2020).
        """
    @billing_granularity_ms.setter
    def billing_granularity_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def cfs_period_ms(self) -> float:
        """
        CFS bandwidth period (ms) of the CPU throttling below one vCPU.
        """
    @cfs_period_ms.setter
    def cfs_period_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def max_memory_mb(self) -> int:
        """
        Largest memory size (MB).
        """
    @max_memory_mb.setter
    def max_memory_mb(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_vcpu(self) -> float:
        """
        Cap on the CPU share
        """
    @max_vcpu.setter
    def max_vcpu(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def mb_per_vcpu(self) -> float:
        """
        Memory that buys one full vCPU of CPU time
        """
    @mb_per_vcpu.setter
    def mb_per_vcpu(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def memory_step_mb(self) -> int:
        """
        Step between memory sizes (MB).
        """
    @memory_step_mb.setter
    def memory_step_mb(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def min_memory_mb(self) -> int:
        """
        Smallest memory size (MB).
        """
    @min_memory_mb.setter
    def min_memory_mb(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def name(self) -> str:
        """
        Name, as given (free text).
        """
    @name.setter
    def name(self, arg0: str) -> None:
        ...
    @property
    def throttling(self) -> str:
        """
        How CPU below one vCPU is throttled: smooth, cfs (bandwidth periods) or none.
        """
    @throttling.setter
    def throttling(self, arg1: str) -> None:
        ...
    @property
    def visible_vcpus(self) -> list[VcpuTier]:
        """
        Ascending from_mb, first == min_memory_mb
        """
    @visible_vcpus.setter
    def visible_vcpus(self, arg0: collections.abc.Sequence[VcpuTier]) -> None:
        ...
class Component:
    """
    One line of the duration equation (workload.hpp): cpu (work_ms of CPU at one vCPU on up to `threads` threads), io (ms of waiting no memory changes), scaled_io (I/O whose bandwidth grows with the share up to knee_vcpu), gc (memory-management CPU, work_ms at ref_mb, in proportion to 1 / memory).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def cpu(work_ms: typing.SupportsFloat | typing.SupportsIndex, threads: typing.SupportsInt | typing.SupportsIndex = 1) -> Component:
        """
        A CPU component: work_ms at one full vCPU, run on `threads` threads.
        """
    @staticmethod
    def gc(work_ms: typing.SupportsFloat | typing.SupportsIndex, ref_mb: typing.SupportsFloat | typing.SupportsIndex = 1024.0) -> Component:
        """
        Memory-management CPU: work_ms at ref_mb, falling as 1/memory.
        """
    @staticmethod
    def io(ms: typing.SupportsFloat | typing.SupportsIndex) -> Component:
        """
        An I/O component: ms, constant in memory.
        """
    @staticmethod
    def scaled_io(work_ms: typing.SupportsFloat | typing.SupportsIndex, knee_vcpu: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Component:
        """
        I/O that needs CPU up to a knee: work_ms at one vCPU, saturating at knee_vcpu vCPUs.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def validate(self) -> None:
        """
        Raises ValueError naming the field (work_ms < 0 or NaN, threads < 1, knee_vcpu <= 0, ref_mb <= 0)
        """
    @property
    def kind(self) -> str:
        """
        Component kind: cpu, io, scaled_io or gc.
        """
    @kind.setter
    def kind(self, arg1: str) -> None:
        ...
    @property
    def knee_vcpu(self) -> float:
        """
        Scaled_io only: share at which the I/O saturates
        """
    @knee_vcpu.setter
    def knee_vcpu(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def ref_mb(self) -> float:
        """
        Gc only: memory size at which the CPU work is work_ms
        """
    @ref_mb.setter
    def ref_mb(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def threads(self) -> int:
        """
        Threads or processes the code runs in parallel: cpu only
        """
    @threads.setter
    def threads(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def work_ms(self) -> float:
        """
        CPU ms at one vCPU (cpu), wait ms (io), I/O ms at the knee
        """
    @work_ms.setter
    def work_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Profile:
    """
    A workload profile: one invocation as components (work measured at one full vCPU) plus a cold-start cost (workload.hpp).
    
    Profile(cpu_ms=800, threads=1, io_ms=120, scaled_io_ms=0, knee_vcpu=1, gc_ms=0, ref_mb=1024, init_ms=250, first_call_cpu_ms=0, peak_memory_mb=0, cv=0, name='', components=[...]): each of cpu_ms, io_ms, scaled_io_ms, gc_ms appends one component; keywords not given keep the C++ defaults. init_ms is the INIT phase (does not scale with memory); peak_memory_mb makes smaller sizes infeasible (0 = unknown); cv is the relative variability of a warm duration. At least one component is required; a wrong type or value raises ValueError naming the keyword and the value.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_json(text: str, origin: str = '<json>') -> Profile:
        """
        A profile from profile JSON (schema_version 1); unknown keys are an error naming the JSON pointer.
        """
    @staticmethod
    def load(path: str) -> Profile:
        """
        A profile from a profile JSON file.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> str:
        ...
    def __init__(self, **kwargs) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: str) -> None:
        ...
    def on_architecture(self, arch: str, speed_ratio: typing.SupportsFloat | typing.SupportsIndex) -> Profile:
        """
        The same function on another architecture: CPU work (cpu, gc, first-call CPU) divided by speed_ratio (how many times faster the CPU work runs there, the convention of recommend_options::speed_ratio); I/O and INIT unchanged. Raises ValueError for an unknown architecture or a ratio not > 0
        """
    def save(self, path: str) -> None:
        """
        Write the profile as profile JSON.
        """
    def to_json(self) -> str:
        """
        The profile as profile JSON (schema_version 1).
        """
    def validate(self) -> None:
        """
        Raises ValueError naming the field, e.g. "components[1].work_ms = -5: ..."; also for a profile without components and a time above max_work_ms
        """
    @property
    def architecture(self) -> str:
        """
        Architecture the profile was measured on: "x86_64" (default) or "arm64". Pricing it on the other needs a speed ratio (on_architecture).
        """
    @architecture.setter
    def architecture(self, arg0: str) -> None:
        ...
    @property
    def components(self) -> list[Component]:
        """
        The profile's components (Component list).
        """
    @components.setter
    def components(self, arg0: collections.abc.Sequence[Component]) -> None:
        ...
    @property
    def cv(self) -> float:
        """
        Relative variability of a warm duration (lognormal)
        """
    @cv.setter
    def cv(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def first_call_cpu_ms(self) -> float:
        """
        Lazy CPU work of the first invocation
        """
    @first_call_cpu_ms.setter
    def first_call_cpu_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def init_ms(self) -> float:
        """
        INIT phase; does not scale with memory
        """
    @init_ms.setter
    def init_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def name(self) -> str:
        """
        Name, as given (free text).
        """
    @name.setter
    def name(self, arg0: str) -> None:
        ...
    @property
    def peak_memory_mb(self) -> float:
        """
        0 = unknown (every size feasible)
        """
    @peak_memory_mb.setter
    def peak_memory_mb(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def platform(self) -> str:
        """
        Platform model the profile was fitted on (e.g. "aws-lambda-2020"; empty: unknown).
        """
    @platform.setter
    def platform(self, arg0: str) -> None:
        ...
    @property
    def source(self) -> str:
        """
        Sweep the profile was fitted to (file and series; empty: written by hand).
        """
    @source.setter
    def source(self, arg0: str) -> None:
        ...
class BillingRules:
    """
    Billing rules (the "billing_rules" object of a price document, schema of models/prices-aws-lambda.json): no built-in defaults, the values come from the document. A price_table carries its own (AWS's unless its document states others).
    """
    @staticmethod
    def aws() -> BillingRules:
        """
        The compiled-in AWS rules. Raises if models/ is inconsistent
        """
    def granularity_ms(self, date: str) -> float:
        """
        Billing granularity on a date ("YYYY-MM-DD"). Raises ValueError for a malformed date
        """
    def init_billed(self, date: str, package: str, custom_runtime: bool) -> bool:
        """
        Whether the INIT phase of an on-demand cold start is billed on date ("" = the current rule): always from init_billed_for_all_from on; before, only for container images and custom (OS-only) runtimes.
        """
    @property
    def free_tier_gb_s(self) -> float:
        """
        Free tier (GB-seconds): per month
        """
    @free_tier_gb_s.setter
    def free_tier_gb_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def free_tier_requests(self) -> float:
        """
        Free tier requests: per month
        """
    @free_tier_requests.setter
    def free_tier_requests(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def granularity(self) -> list:
        """
        Granularity: ascending from
        """
    @property
    def init_billed_for_all_from(self) -> str:
        """
        INIT billed for every package from then
        """
    @init_billed_for_all_from.setter
    def init_billed_for_all_from(self, arg0: str) -> None:
        ...
    @property
    def provisioned_increment_s(self) -> float:
        """
        Enabled time rounded up to this
        """
    @provisioned_increment_s.setter
    def provisioned_increment_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def storage_free_mb(self) -> float:
        """
        Ephemeral storage included in the price
        """
    @storage_free_mb.setter
    def storage_free_mb(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def storage_max_mb(self) -> float:
        """
        Largest configurable ephemeral storage (MB).
        """
    @storage_max_mb.setter
    def storage_max_mb(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def storage_min_mb(self) -> float:
        """
        Smallest configurable ephemeral storage (MB), the free amount.
        """
    @storage_min_mb.setter
    def storage_min_mb(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class PriceTier:
    """
    Duration price for monthly usage up to up_to_gb_s (infinity for the last tier).
    """
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def up_to_gb_s(self) -> float:
        """
        The tier applies up to this many GB-seconds a month.
        """
    @up_to_gb_s.setter
    def up_to_gb_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def usd_per_gb_s(self) -> float:
        """
        Price of one GB-second in the tier (USD).
        """
    @usd_per_gb_s.setter
    def usd_per_gb_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class PriceTable:
    """
    Prices of one region and architecture. Optional prices are absent where models/ has no public source for them; a bill that needs an absent price throws.
    """
    @staticmethod
    def aws(region: str, arch: str) -> PriceTable:
        """
        The AWS price table of a region and architecture (compiled-in models/ data). Raises ValueError for an unknown region, listing the known ones
        """
    @staticmethod
    def aws_regions() -> list[str]:
        """
        Regions with AWS price data, sorted.
        """
    @staticmethod
    def from_json(text: str, region: str, arch: str, origin: str = '<json>') -> PriceTable:
        """
        A price table from a document in the schema of models/prices-aws-lambda.json (for negotiated or unlisted prices): the table of region and arch, with the document's "billing_rules" when it has them (else AWS's). Raises with origin and JSON pointer for a malformed document; std::invalid_argument for a region or arch it lacks, listing its regions
        """
    @staticmethod
    def load(path: str, region: str, arch: str) -> PriceTable:
        """
        The same from a file. Raises naming the path
        """
    def __getstate__(self) -> tuple[str, str, list, float, bool, float | None, float | None, float | None, float | None, float | None, str, str]:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def duration_usd(self, gb_s: typing.SupportsFloat | typing.SupportsIndex, offset_gb_s: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> float:
        """
        Duration charge (USD) of gb_s GB-seconds in a month, tiers applied on top of offset_gb_s GB-s the rest of the account already used (same region and arch): cost(offset + gb_s) - cost(offset). Raises ValueError unless both are finite and >= 0
        """
    def first_tier_usd_per_gb_s(self) -> float:
        """
        Price of the first duration tier (USD per GB-s): what one invocation costs at the margin for an account below the first tier boundary.
        """
    def validate(self) -> None:
        """
        Raises ValueError naming the inconsistent field
        """
    @property
    def arch(self) -> str:
        """
        Architecture: x86_64 or arm64.
        """
    @arch.setter
    def arch(self, arg1: str) -> None:
        ...
    @property
    def duration_tiers(self) -> list[PriceTier]:
        """
        Ascending up_to_gb_s, last is +inf
        """
    @duration_tiers.setter
    def duration_tiers(self, arg0: collections.abc.Sequence[PriceTier]) -> None:
        ...
    @property
    def duration_tiers_complete(self) -> bool:
        """
        False when the source gives only the first tier (every GB-s priced at it)
        """
    @duration_tiers_complete.setter
    def duration_tiers_complete(self, arg0: bool) -> None:
        ...
    @property
    def effective_date(self) -> str:
        """
        Effective date: "YYYY-MM-DD"
        """
    @effective_date.setter
    def effective_date(self, arg0: str) -> None:
        ...
    @property
    def ephemeral_storage_usd_per_gb_s(self) -> float | None:
        """
        USD per GB-s of ephemeral storage above the free amount
        """
    @ephemeral_storage_usd_per_gb_s.setter
    def ephemeral_storage_usd_per_gb_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def provisioned_duration_usd_per_gb_s(self) -> float | None:
        """
        Provisioned concurrency: USD per GB-s enabled, and per GB-s executing on it
        """
    @provisioned_duration_usd_per_gb_s.setter
    def provisioned_duration_usd_per_gb_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def provisioned_usd_per_gb_s(self) -> float | None:
        """
        Provisioned concurrency: USD per GB-s enabled, and per GB-s executing on it
        """
    @provisioned_usd_per_gb_s.setter
    def provisioned_usd_per_gb_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def region(self) -> str:
        """
        AWS region priced, e.g. us-east-1.
        """
    @region.setter
    def region(self, arg0: str) -> None:
        ...
    @property
    def requests_usd_per_million(self) -> float:
        """
        Price of a million requests (USD).
        """
    @requests_usd_per_million.setter
    def requests_usd_per_million(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def rules(self) -> BillingRules:
        """
        The billing rules these prices come with: free tier, storage range, granularity, INIT and provisioned increment. A document's own "billing_rules" when it has them, else AWS's (models/prices-aws-lambda.json).
        """
    @rules.setter
    def rules(self, arg0: BillingRules) -> None:
        ...
    @property
    def snapstart_cache_usd_per_gb_s(self) -> float | None:
        """
        SnapStart: USD per GB-s a snapshot is cached, per GB restored
        """
    @snapstart_cache_usd_per_gb_s.setter
    def snapstart_cache_usd_per_gb_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def snapstart_restore_usd_per_gb(self) -> float | None:
        """
        SnapStart: USD per GB-s a snapshot is cached, per GB restored
        """
    @snapstart_restore_usd_per_gb.setter
    def snapstart_restore_usd_per_gb(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def source(self) -> str:
        """
        Where the figures come from (models/)
        """
    @source.setter
    def source(self, arg0: str) -> None:
        ...
class CurveResult:
    """
    One row per memory size. Sizes below the profile's peak_memory_mb are infeasible: feasible is false and warm_billed_ms, gb_s and cost_usd are NaN there (not priced); the durations are still the model's.
    """
    @property
    def cold_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Cold duration incl. init
        """
    @property
    def cost_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        One warm invocation: duration + request charge
        """
    @property
    def feasible(self) -> typing.Annotated[numpy.typing.NDArray[numpy.bool], "[m, 1]"]:
        """
        True where the configuration meets every constraint (memory, limits).
        """
    @property
    def gb_s(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        GB-seconds of one warm invocation
        """
    @property
    def memory_mb(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Memory size (MB).
        """
    @property
    def vcpu(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Vcpu: CPU share s(m)
        """
    @property
    def warm_billed_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Warm billed (ms): warm billed duration
        """
    @property
    def warm_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Warm duration (ms): warm duration
        """
class BillOptions:
    """
    What the month looks like. C++ owns the defaults; Python and the CLI only override.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def validate(self) -> None:
        """
        Checked against rules (the storage range); validate() checks against AWS's rules. Raises ValueError naming the field and the value
        """
    @property
    def account_gb_s_offset(self) -> float:
        """
        GB-s the rest of the account uses this month in the same region and architecture: the function's GB-s are priced on the tiers above it.
        """
    @account_gb_s_offset.setter
    def account_gb_s_offset(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def cold_fraction(self) -> float:
        """
        Fraction of on-demand requests that are cold starts, [0, 1]
        """
    @cold_fraction.setter
    def cold_fraction(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def custom_runtime(self) -> bool:
        """
        OS-only runtime (provided.al2023...): INIT always billed
        """
    @custom_runtime.setter
    def custom_runtime(self, arg0: bool) -> None:
        ...
    @property
    def date(self) -> str:
        """
        Billing rules in force on this date ("YYYY-MM-DD"): granularity and INIT. Empty: the platform's billing granularity and the current INIT rule.
        """
    @date.setter
    def date(self, arg0: str) -> None:
        ...
    @property
    def free_tier(self) -> bool:
        """
        Apply the monthly free tier (not with provisioned concurrency)
        """
    @free_tier.setter
    def free_tier(self, arg0: bool) -> None:
        ...
    @property
    def package(self) -> str:
        """
        Deployment package: zip or image (image INIT is always billed).
        """
    @package.setter
    def package(self, arg1: str) -> None:
        ...
    @property
    def provisioned_concurrency(self) -> int:
        """
        Provisioned concurrency: instances kept warm.
        """
    @provisioned_concurrency.setter
    def provisioned_concurrency(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def provisioned_hours(self) -> float:
        """
        Hours per month the provisioned instances are enabled
        """
    @provisioned_hours.setter
    def provisioned_hours(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def provisioned_request_fraction(self) -> float:
        """
        Fraction of requests executed on provisioned instances when provisioned_concurrency > 0
        """
    @provisioned_request_fraction.setter
    def provisioned_request_fraction(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def requests_per_month(self) -> float:
        """
        Requests per month.
        """
    @requests_per_month.setter
    def requests_per_month(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def savings_plan_discount(self) -> float:
        """
        Compute Savings Plan discount on duration (execution and INIT) and provisioned concurrency, a fraction within [0, the published maximum] (models/lmi-aws.json "savings_plans": 12 % no upfront to 17 % all upfront); requests are not discounted.
        """
    @savings_plan_discount.setter
    def savings_plan_discount(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def snapstart(self) -> bool:
        """
        SnapStart: cold starts restore a snapshot instead of running INIT.
        """
    @snapstart.setter
    def snapstart(self, arg0: bool) -> None:
        ...
    @property
    def snapstart_cache_hours(self) -> float:
        """
        Hours per month the snapshot is cached
        """
    @snapstart_cache_hours.setter
    def snapstart_cache_hours(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def snapstart_restore_ms(self) -> float:
        """
        Billed restore duration (incl. hooks) per cold start
        """
    @snapstart_restore_ms.setter
    def snapstart_restore_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def storage_mb(self) -> float:
        """
        Configured ephemeral storage (default: AWS's free amount, from models/)
        """
    @storage_mb.setter
    def storage_mb(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class MonthlyBill:
    """
    One month's bill, itemised (USD) with the quantities behind each line.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def billable_gb_s(self) -> float:
        """
        On_demand_gb_s after the free tier
        """
    @property
    def billable_requests(self) -> float:
        """
        After the free tier
        """
    @property
    def cold_billed_ms(self) -> float:
        """
        One on-demand cold start incl. billed INIT / restore
        """
    @property
    def cold_starts(self) -> float:
        """
        Number of cold starts: on-demand cold starts
        """
    @property
    def compute_usd(self) -> float:
        """
        On-demand execution duration (after free tier, tiered)
        """
    @property
    def gb_s(self) -> float:
        """
        Billed duration GB-s (on-demand incl. INIT and restore, plus provisioned executing), before the free tier
        """
    @property
    def granularity_ms(self) -> float:
        """
        Billing granularity applied (ms).
        """
    @property
    def init_billed(self) -> bool:
        """
        True when INIT was billed under the rules in force.
        """
    @property
    def init_gb_s(self) -> float:
        """
        Init (GB-seconds): billed INIT GB-s
        """
    @property
    def init_usd(self) -> float:
        """
        Billed INIT of on-demand cold starts
        """
    @property
    def memory_mb(self) -> float:
        """
        Memory size (MB).
        """
    @property
    def on_demand_gb_s(self) -> float:
        """
        Execution + INIT + restore, before the free tier
        """
    @property
    def on_demand_requests(self) -> float:
        """
        Requests served on demand (not by provisioned instances).
        """
    @property
    def powertuning_usd(self) -> float:
        """
        Power Tuning's averagePrice of one warm invocation at this size (its formula and regional base price), for comparison with Power Tuning results.
        """
    @property
    def provisioned_enabled_gb_s(self) -> float:
        """
        GB-seconds of provisioned concurrency enabled.
        """
    @property
    def provisioned_gb_s(self) -> float:
        """
        Executing on provisioned instances
        """
    @property
    def provisioned_requests(self) -> float:
        """
        Requests served by provisioned instances.
        """
    @property
    def provisioned_usd(self) -> float:
        """
        Provisioned concurrency: enabled + executing
        """
    @property
    def requests(self) -> float:
        """
        All requests (on-demand + provisioned)
        """
    @property
    def requests_usd(self) -> float:
        """
        Request charge (after free tier)
        """
    @property
    def snapstart_cache_gb_s(self) -> float:
        """
        GB-seconds of SnapStart snapshot cache.
        """
    @property
    def snapstart_restore_gb(self) -> float:
        """
        GB of SnapStart restores.
        """
    @property
    def snapstart_usd(self) -> float:
        """
        SnapStart cache + restore (restore duration included)
        """
    @property
    def storage_gb_s(self) -> float:
        """
        Extra storage GB x billed seconds
        """
    @property
    def storage_usd(self) -> float:
        """
        Ephemeral storage above the free amount
        """
    @property
    def total_usd(self) -> float:
        """
        Total (USD).
        """
    @property
    def warm_billed_ms(self) -> float:
        """
        Warm billed (ms): one warm invocation
        """
class BillCurveResult:
    """
    One bill per memory size (columns). Sizes below the profile's peak_memory_mb are infeasible: feasible is false and every money and GB-s column is NaN there.
    """
    @property
    def billable_gb_s(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        GB-seconds billed after the free tier, per size.
        """
    @property
    def compute_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        On-demand duration charge per size (USD).
        """
    @property
    def feasible(self) -> typing.Annotated[numpy.typing.NDArray[numpy.bool], "[m, 1]"]:
        """
        True where the configuration meets every constraint (memory, limits).
        """
    @property
    def gb_s(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Billed GB-seconds.
        """
    @property
    def init_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Billed INIT of on-demand cold starts per size (USD).
        """
    @property
    def memory_mb(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Memory size (MB).
        """
    @property
    def powertuning_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Cost of one invocation as AWS Lambda Power Tuning computes it, per size (USD).
        """
    @property
    def provisioned_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Provisioned concurrency charge (USD).
        """
    @property
    def requests(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Number of requests.
        """
    @property
    def requests_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Request charge (USD).
        """
    @property
    def snapstart_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        SnapStart cache and restore charge per size (USD).
        """
    @property
    def storage_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Ephemeral storage charge per size (USD).
        """
    @property
    def total_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Total (USD).
        """
    @property
    def warm_billed_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Billed duration of a warm invocation per size (ms).
        """
class Arrivals:
    """
    How requests arrive over a simulated period. Build with the named constructors; they validate.
    """
    @staticmethod
    def load_csv(path: str, column: str = '') -> Arrivals:
        """
        Reads a trace from a CSV file with a header line: the column column holds epoch seconds. The default "" means timestamp_s, or client_start_time when the file has no timestamp_s but that column (the recorded traces of Mahmoudi & Khazaei in data/coldstarts/traces_2020 load as is). Quoted fields with commas are handled. A column is_cold (True/False, true/false, 1/0) sets warm_at_start from its first row. Raises naming the file and line: a missing file or column (listing the columns), a value that is not a number, an unsorted timestamp
        """
    @staticmethod
    def piecewise(rates_per_s: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], segment_s: typing.SupportsFloat | typing.SupportsIndex, duration_s: typing.SupportsFloat | typing.SupportsIndex) -> Arrivals:
        """
        Poisson arrivals whose rate is rates_per_s[k % n] during [k, k+1) * segment_s, for duration_s seconds (24 hourly rates: segment_s = 3600). Raises ValueError for an empty or negative/NaN rate, segment_s <= 0 or duration_s <= 0, naming the index
        """
    @staticmethod
    def poisson(rate_per_s: typing.SupportsFloat | typing.SupportsIndex, duration_s: typing.SupportsFloat | typing.SupportsIndex) -> Arrivals:
        """
        Poisson arrivals at rate_per_s for duration_s seconds. Raises ValueError unless rate_per_s >= 0 and duration_s > 0 (finite)
        """
    @staticmethod
    def trace(timestamps_s: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> Arrivals:
        """
        A recorded trace of timestamps in seconds (any epoch). The period runs from the first to the last timestamp. Raises ValueError for fewer than 2 timestamps, a NaN, a timestamp earlier than the one before it (naming both indices), or a zero period
        """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def expected_requests(self) -> float:
        """
        Expected number of requests (exact for a trace).
        """
    def mean_rate_per_s(self) -> float:
        """
        Mean arrival rate over the period (requests per second).
        """
    def period_s(self) -> float:
        """
        Length of the simulated period in seconds.
        """
    def validate(self) -> None:
        """
        Raises ValueError naming the first bad field
        """
    @property
    def duration_s(self) -> float:
        """
        Poisson, piecewise: the simulated period
        """
    @property
    def kind(self) -> str:
        """
        Arrival process: poisson (constant rate), piecewise (a rate per segment, repeated) or trace (recorded timestamps).
        """
    @property
    def rate_per_s(self) -> float:
        """
        Rate per (seconds): poisson
        """
    @property
    def rates_per_s(self) -> list[float]:
        """
        Piecewise: one rate per segment, repeated
        """
    @property
    def segment_s(self) -> float:
        """
        Piecewise: length of one segment
        """
    @property
    def times_s(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Trace: seconds since the first timestamp, sorted
        """
    @property
    def warm_at_start(self) -> int:
        """
        Trace: instances recorded warm at the start (1 when the CSV has an is_cold column and its first request was warm, else 0); the simulation starts from this state unless simulate_options::initial_instances says otherwise
        """
class KeepAlive:
    """
    How long an idle instance stays warm. Either a fixed time, or an empirical distribution given by its survival function S(t) = P(still warm after t s idle), piecewise linear between points, S(0) = 1, reaching 0. A fresh keep-alive is drawn for every idle period. An instance idle for longer than its keep-alive is reclaimed.
    """
    @staticmethod
    def empirical(idle_s: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], warm: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], trials: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> KeepAlive:
        """
        From warm/trials counts per idle time (e.g. data/coldstarts/keep_alive): the warm fractions made non-increasing by pool-adjacent-violators (weighted by trials). Raises ValueError for mismatched sizes, unsorted idle times, warm > trials, or a last point still warm (the keep-alive must end)
        """
    @staticmethod
    def fixed(seconds: typing.SupportsFloat | typing.SupportsIndex) -> KeepAlive:
        """
        Raises ValueError unless seconds > 0 and finite
        """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def mean_s(self) -> float:
        """
        Mean keep-alive in seconds.
        """
    def quantile(self, u: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        The keep-alive whose survival probability is u (u in [0, 1]): inverse of S.
        """
    def validate(self) -> None:
        """
        Raises ValueError naming the first bad field
        """
    @property
    def fixed_s(self) -> float:
        """
        > 0: a fixed keep-alive; 0: use the table
        """
    @fixed_s.setter
    def fixed_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def idle_s(self) -> list[float]:
        """
        Idle (seconds): ascending, > 0
        """
    @idle_s.setter
    def idle_s(self, arg0: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> None:
        ...
    @property
    def is_fixed(self) -> bool:
        """
        True for a fixed keep-alive (fixed_s > 0) rather than a distribution.
        """
    @property
    def survival(self) -> list[float]:
        """
        Non-increasing in [0, 1], last == 0
        """
    @survival.setter
    def survival(self, arg0: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> None:
        ...
class Recycling:
    """
    Recycling of warm instances: an instance lives min(E, C) s after its cold start, E exponential with rate early_per_s (early recycling), C uniform in [max_lifetime_min_s, max_lifetime_max_s] (the platform's maximum lifetime). A recycled instance finishes the request it is running, then is gone.
    """
    @staticmethod
    def fixed(max_lifetime_s: typing.SupportsFloat | typing.SupportsIndex) -> Recycling:
        """
        A fixed maximum lifetime and no early recycling; 0 means no recycling. Raises ValueError unless seconds >= 0 and finite
        """
    @staticmethod
    def none() -> Recycling:
        """
        No recycling: instances live until their keep-alive runs out.
        """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def validate(self) -> None:
        """
        Raises ValueError naming the bad field
        """
    @property
    def early_per_s(self) -> float:
        """
        Constant hazard of early recycling; 0 = none
        """
    @early_per_s.setter
    def early_per_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def enabled(self) -> bool:
        """
        True when instances are recycled (an early-recycling rate or a maximum lifetime).
        """
    @property
    def max_lifetime_max_s(self) -> float:
        """
        Upper end of the range the maximum instance lifetime is drawn from (seconds; 0: no maximum).
        """
    @max_lifetime_max_s.setter
    def max_lifetime_max_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def max_lifetime_min_s(self) -> float:
        """
        0 (with max 0) = no maximum lifetime
        """
    @max_lifetime_min_s.setter
    def max_lifetime_min_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class PoolModel:
    """
    A platform's instance-pool behaviour (models/instance-pool-<platform>.json).
    """
    @staticmethod
    def from_json(text: str, origin: str = '<json>') -> PoolModel:
        """
        Raises with origin and JSON pointer
        """
    @staticmethod
    def load(path: str) -> PoolModel:
        """
        Reads a platform's instance-pool model (keep-alive, recycling) from its JSON file.
        """
    @staticmethod
    def named(platform_name: str) -> PoolModel:
        """
        The pool model of a platform by name ("aws-lambda", "aws-lambda-2020"). Raises ValueError for a platform without pool data
        """
    @property
    def keep_alive(self) -> KeepAlive:
        """
        How long an idle instance stays warm (KeepAlive).
        """
    @property
    def name(self) -> str:
        """
        Name, as given (free text).
        """
    @property
    def recycling(self) -> Recycling:
        """
        When instances are retired regardless of traffic (Recycling).
        """
class LogHistogram:
    """
    Counts of positive values in buckets of relative width 2^-8 (0.39 %): each octave [2^e, 2^(e+1)) is split into 256 equal buckets, for e from -20 to 43 (about 1e-6 to 1.8e13 in the unit of the samples, milliseconds here). The exact count, sum, minimum and maximum are kept as well. Error bound: quantile(q) returns the midpoint of the bucket holding the nearest-rank order statistic (the ceil(q n)-th smallest sample), clamped to [min, max]; it is within a relative 2^-9 = 0.196 % of that sample. Values below 2^-20 (including 0) share one underflow bucket and values from 2^44 up one overflow bucket; their quantiles are reported as the exact min or max.
    """
    relative_error: typing.ClassVar[float] = 0.001953125
    @staticmethod
    def edges() -> numpy.typing.NDArray[numpy.float64]:
        """
        Bin edges (ms), logarithmically spaced.
        """
    def __getstate__(self) -> tuple[int, list[int], int, float, float, float]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def quantile(self, q: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        Nearest-rank quantile, q in [0, 1], within relative_error (see above); NaN when empty. Raises ValueError unless 0 <= q <= 1
        """
    @property
    def count(self) -> int:
        """
        Number of samples.
        """
    @property
    def counts(self) -> numpy.typing.NDArray[numpy.uint64]:
        """
        Bucket counts, underflow first, overflow last (size buckets + 2).
        """
class SimulateOptions:
    """
    Options of simulate(): memory size, keep-alive and recycling (default: the platform's recorded model), provisioned and reserved concurrency, seed, replications, threads and the run-time guard. C++ owns the defaults.
    """
    def __init__(self) -> None:
        ...
    def validate(self) -> None:
        """
        Raises ValueError naming the bad field
        """
    @property
    def cold_fraction_level(self) -> float:
        """
        Confidence of the interval around the simulated cold fraction (SimulationResult.cold_fraction_lo/hi), in (0, 1).
        """
    @cold_fraction_level.setter
    def cold_fraction_level(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def initial_instances(self) -> int | None:
        """
        On-demand instances already warm and idle at t = 0 (as if a request had just ended; fresh lifetimes). Unset: arrivals::warm_at_start (a recorded trace that started warm starts warm; 0 otherwise).
        """
    @initial_instances.setter
    def initial_instances(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def keep_alive(self) -> KeepAlive | None:
        """
        Keep alive: default: the platform's
        """
    @keep_alive.setter
    def keep_alive(self, arg0: KeepAlive | None) -> None:
        ...
    @property
    def max_requests(self) -> float:
        """
        Guard: simulate() refuses more expected requests (over all replications), with an estimate of the time they would take.
        """
    @max_requests.setter
    def max_requests(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def memory_mb(self) -> float:
        """
        Required: a size on the platform grid
        """
    @memory_mb.setter
    def memory_mb(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def progress_every(self) -> int:
        """
        Requests between progress callbacks
        """
    @progress_every.setter
    def progress_every(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def provisioned_concurrency(self) -> int:
        """
        Provisioned concurrency: instances kept warm: instances always warm
        """
    @provisioned_concurrency.setter
    def provisioned_concurrency(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def recycling(self) -> Recycling | None:
        """
        Recycling: default: the platform's
        """
    @recycling.setter
    def recycling(self, arg0: Recycling | None) -> None:
        ...
    @property
    def replications(self) -> int:
        """
        Independent runs, merged; stream i seeded from (seed, i)
        """
    @replications.setter
    def replications(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def reserved_concurrency(self) -> int | None:
        """
        Cap on running requests; none = no cap
        """
    @reserved_concurrency.setter
    def reserved_concurrency(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def seed(self) -> int:
        """
        Random seed (an integer >= 0): the same seed gives the same numbers on every machine.
        """
    @seed.setter
    def seed(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def threads(self) -> int:
        """
        0 = hardware threads; results never depend on it
        """
    @threads.setter
    def threads(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def timeline_bins(self) -> int:
        """
        Resolution of the timeline over the period (0 = none)
        """
    @timeline_bins.setter
    def timeline_bins(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class LatencyStats:
    """
    Latency of one class of requests (ms, as the caller sees it: a cold request includes INIT). Percentiles within log_histogram::relative_error (0.2 %) of the exact nearest-rank percentile; NaN when count is 0.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def count(self) -> int:
        """
        Number of requests in the class.
        """
    @property
    def max_ms(self) -> float:
        """
        Longest latency (ms).
        """
    @property
    def mean_ms(self) -> float:
        """
        Mean latency (ms).
        """
    @property
    def min_ms(self) -> float:
        """
        Shortest latency (ms).
        """
    @property
    def p50_ms(self) -> float:
        """
        Median latency (ms).
        """
    @property
    def p90_ms(self) -> float:
        """
        90th percentile latency (ms).
        """
    @property
    def p999_ms(self) -> float:
        """
        99.9th percentile latency (ms).
        """
    @property
    def p99_ms(self) -> float:
        """
        99th percentile latency (ms).
        """
class SimulationResult:
    """
    Totals are over all replications; period_s is one replication's period; mean_* are time averages over all replications.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def all(self) -> LatencyStats:
        """
        Latency statistics of every served request (LatencyStats, ms).
        """
    @property
    def bin_s(self) -> float:
        """
        Timeline: bins of bin_s over the period; per bin, summed over replications: arrivals, cold starts, throttles, and busy seconds of requests starting in the bin (mean concurrency = busy_s / (bin_s * replications)).
        """
    @property
    def busy_seconds(self) -> float:
        """
        Sum of request durations
        """
    @property
    def cold(self) -> LatencyStats:
        """
        Latency statistics of the cold requests, INIT included (LatencyStats, ms).
        """
    @property
    def cold_fraction(self) -> float:
        """
        Cold_starts / served (NaN if none served)
        """
    @property
    def cold_fraction_hi(self) -> float:
        """
        Upper end of the exact (Clopper-Pearson) interval of the cold fraction at cold_fraction_level.
        """
    @property
    def cold_fraction_level(self) -> float:
        """
        Confidence level of cold_fraction_lo/hi.
        """
    @property
    def cold_fraction_lo(self) -> float:
        """
        Lower end of the exact (Clopper-Pearson) interval of the cold fraction at cold_fraction_level.
        """
    @property
    def cold_hist(self) -> LogHistogram:
        """
        Cold hist: latency histograms (ms)
        """
    @property
    def cold_ms(self) -> float:
        """
        Model cold duration at memory_mb
        """
    @property
    def cold_starts(self) -> int:
        """
        Number of cold starts.
        """
    @property
    def expired(self) -> int:
        """
        Instances reclaimed after their keep-alive
        """
    @property
    def instance_seconds(self) -> float:
        """
        Live instance time within the period(s)
        """
    @property
    def keep_alive(self) -> KeepAlive:
        """
        Keep alive: as used
        """
    @property
    def mean_concurrency(self) -> float:
        """
        Time-average of running requests
        """
    @property
    def mean_instances(self) -> float:
        """
        Time-average of live instances (incl. provisioned)
        """
    @property
    def memory_mb(self) -> float:
        """
        Memory size (MB).
        """
    @property
    def peak_concurrency(self) -> int:
        """
        Most requests running at once
        """
    @property
    def peak_instances(self) -> int:
        """
        Largest number of instances at once.
        """
    @property
    def period_s(self) -> float:
        """
        Simulated period (seconds).
        """
    @property
    def provisioned_concurrency(self) -> int:
        """
        Provisioned concurrency: instances kept warm.
        """
    @property
    def provisioned_served(self) -> int:
        """
        Served by provisioned instances
        """
    @property
    def recycled(self) -> int:
        """
        Instances retired by recycling
        """
    @property
    def recycling(self) -> Recycling:
        """
        Recycling: as used
        """
    @property
    def replications(self) -> int:
        """
        Independent runs merged into the result.
        """
    @property
    def requests(self) -> int:
        """
        Number of requests: arrivals
        """
    @property
    def seed(self) -> int:
        """
        Random seed (an integer >= 0): the same seed gives the same numbers on every machine.
        """
    @property
    def served(self) -> int:
        """
        Requests served (not throttled): requests - throttled
        """
    @property
    def throttled(self) -> int:
        """
        Rejected at the reserved-concurrency cap
        """
    @property
    def timeline_arrivals(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Timeline: bins of bin_s over the period; per bin, summed over replications: arrivals, cold starts, throttles, and busy seconds of requests starting in the bin (mean concurrency = busy_s / (bin_s * replications)).
        """
    @property
    def timeline_busy_s(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Timeline: bins of bin_s over the period; per bin, summed over replications: arrivals, cold starts, throttles, and busy seconds of requests starting in the bin (mean concurrency = busy_s / (bin_s * replications)).
        """
    @property
    def timeline_cold_starts(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Timeline: bins of bin_s over the period; per bin, summed over replications: arrivals, cold starts, throttles, and busy seconds of requests starting in the bin (mean concurrency = busy_s / (bin_s * replications)).
        """
    @property
    def timeline_throttled(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Timeline: bins of bin_s over the period; per bin, summed over replications: arrivals, cold starts, throttles, and busy seconds of requests starting in the bin (mean concurrency = busy_s / (bin_s * replications)).
        """
    @property
    def warm(self) -> LatencyStats:
        """
        Latency statistics of the warm requests (LatencyStats, ms).
        """
    @property
    def warm_hist(self) -> LogHistogram:
        """
        Warm hist: latency histograms (ms)
        """
    @property
    def warm_ms(self) -> float:
        """
        Model warm duration at memory_mb
        """
class SweepMetadata:
    """
    Where a sweep came from and how it was recorded (Power Tuning execution input).
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def architecture_origin(self) -> str:
        """
        Where architectures came from, in words.
        """
    @architecture_origin.setter
    def architecture_origin(self, arg0: str) -> None:
        ...
    @property
    def architectures(self) -> list[str]:
        """
        Architectures the rows were recorded on, as the file says (x86_64, arm64; empty when it does not say): a CSV arch or architecture column, a REPORT metrics series path (python311/arm64), a Power Tuning record's "architecture". Two names: rows of both, which fit() refuses.
        """
    @architectures.setter
    def architectures(self, arg0: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def date(self) -> str:
        """
        Recording date, YYYY-MM-DD, when the format carries one (the earliest REPORT timestamp or CSV timestamp); empty when unknown. fit() chooses the platform in force that day.
        """
    @date.setter
    def date(self, arg0: str) -> None:
        ...
    @property
    def date_origin(self) -> str:
        """
        Where date came from, in words.
        """
    @date_origin.setter
    def date_origin(self, arg0: str) -> None:
        ...
    @property
    def format(self) -> str:
        """
        Powertuning, report, report_metrics, csv, aws_docs
        """
    @format.setter
    def format(self, arg0: str) -> None:
        ...
    @property
    def num(self) -> int:
        """
        Power Tuning invocations per size, 0 if unknown
        """
    @num.setter
    def num(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def region(self) -> str:
        """
        AWS region priced, e.g. us-east-1.
        """
    @region.setter
    def region(self, arg0: str) -> None:
        ...
    @property
    def source(self) -> str:
        """
        File (and run or series) it was read from
        """
    @source.setter
    def source(self, arg0: str) -> None:
        ...
    @property
    def strategy(self) -> str:
        """
        Power Tuning strategy, when known
        """
    @strategy.setter
    def strategy(self, arg0: str) -> None:
        ...
class SweepSummary:
    """
    One row per recorded size, ascending memory_mb.
    """
    def __init__(self) -> None:
        ...
    @property
    def billed_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Aggregate billed duration (NaN if unknown)
        """
    @property
    def cold_duration_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Median Duration of cold rows (NaN if none)
        """
    @property
    def duration_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Aggregate of the warm rows (all rows if none is warm)
        """
    @property
    def init_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Median Init Duration of cold rows (NaN if none)
        """
    @property
    def max_memory_used_mb(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Largest Max Memory Used (NaN if unknown)
        """
    @property
    def memory_mb(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Memory size (MB).
        """
    @property
    def n(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Invocations recorded at the size (0 = unknown)
        """
    @property
    def n_cold(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Of which cold starts
        """
    @property
    def p5_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        5th/95th percentile of the same rows (NaN if unknown)
        """
    @property
    def p95_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        95th percentile latency (ms).
        """
    @property
    def warm_only(self) -> numpy.typing.NDArray[numpy.bool]:
        """
        Per-size rows, or sizes with only cold rows: the aggregate includes cold starts.
        """
class Sweep:
    """
    A recorded sweep.
    """
    @staticmethod
    def csv_from_text(text: str, origin: str = '<csv>', columns: collections.abc.Sequence[tuple[str, str]] = [], where: collections.abc.Sequence[tuple[str, str]] = []) -> Sweep:
        """
        A CSV sweep from text (as from_csv).
        """
    @staticmethod
    def from_csv(path: os.PathLike | str | bytes, columns: collections.abc.Sequence[tuple[str, str]] = [], where: collections.abc.Sequence[tuple[str, str]] = []) -> Sweep:
        """
        Reads a CSV sweep (one row per invocation, or one per size with an n column); columns= maps canonical names to headers, where= keeps the rows whose column equals the value.
        """
    @staticmethod
    def from_powertuning(path: os.PathLike | str | bytes, source: str = 'auto') -> Sweep:
        """
        Reads AWS Lambda Power Tuning output holding one run: its stats, or its visualization URL decoded (source: auto, stats or visualization).
        """
    @staticmethod
    def from_report_log(path: os.PathLike | str | bytes) -> Sweep:
        """
        Reads CloudWatch REPORT lines (text or JSON) from a file; Init Duration marks a cold start, Restore Duration is SnapStart's.
        """
    @staticmethod
    def from_report_metrics(path: os.PathLike | str | bytes, series: str = '') -> Sweep:
        """
        Reads one series of a per-invocation REPORT metrics JSON file (series such as python311/x86_64; empty when there is one).
        """
    @staticmethod
    def load(path: os.PathLike | str | bytes, format: str = 'auto', select: str = '', source: str = 'auto', columns: collections.abc.Sequence[tuple[str, str]] = [], where: collections.abc.Sequence[tuple[str, str]] = []) -> Sweep:
        """
        Reads a sweep from a file of any supported format, or from a Power Tuning visualization URL given instead of a path ("https://lambda-power-tuning.show/#..."; a file holding only that URL works too). Format detection never hides a parse error: a JSON document that does not parse (truncated, a NaN literal) reports that error. A CSV that seems to mix several functions (one per-size row twice; a function-name column with several values) is loaded with a note in diagnostics. Raises naming the file and the line or JSON pointer
        """
    @staticmethod
    def powertuning_from_json(text: str, origin: str = '<json>', source: str = 'auto') -> Sweep:
        """
        Exactly one run. Raises if the document holds several (use *_runs)
        """
    @staticmethod
    def powertuning_runs(path: os.PathLike | str | bytes, source: str = 'auto') -> list[Sweep]:
        """
        The runs of a Power Tuning output that holds several (an array), one Sweep each.
        """
    @staticmethod
    def report_from_text(text: str, origin: str = '<text>') -> Sweep:
        """
        REPORT lines, text ("REPORT RequestId: ...<TAB>Duration: 469.40 ms<TAB>...", tab- or space-separated; a line that starts with "Duration:" is a REPORT body without its prefix) or JSON ({"type": "platform.report", "record": {"metrics": {...}}}). Init Duration marks a cold start; Restore Duration is SnapStart's. Other lines are skipped and counted in skipped_lines. Raises "<origin>:<line>: ..." for a truncated or malformed REPORT line
        """
    @staticmethod
    def report_metrics_series(path: os.PathLike | str | bytes) -> list[str]:
        """
        The series of a REPORT metrics JSON file, e.g. ['dotnet6/arm64', ...].
        """
    def __getstate__(self) -> tuple[list, SweepMetadata, list[str], int]:
        ...
    def __init__(self) -> None:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def columns(self) -> dict:
        """
        The rows as a dict of 1-D arrays.
        """
    def has_invocations(self) -> bool:
        """
        True when any row is a single invocation (so a bootstrap over samples is possible).
        """
    def select_sizes(self, memory_mb: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> Sweep:
        """
        Only the rows of the given sizes (each must be recorded). Raises ValueError naming a size that is not in the sweep
        """
    def sizes(self) -> list[float]:
        """
        Distinct memory sizes, ascending.
        """
    def summarize(self, aggregation: str = 'median') -> SweepSummary:
        """
        The per-size summary. Raises ValueError if the sweep has no rows or is invalid
        """
    def validate(self) -> None:
        """
        Raises ValueError naming the row and field (memory <= 0, NaN or negative duration, n < 0)
        """
    @property
    def diagnostics(self) -> list[str]:
        """
        Soft issues met while loading (lines skipped, visualization not decodable, ...).
        """
    @property
    def meta(self) -> SweepMetadata:
        """
        Where the sweep came from and how it was recorded (SweepMetadata).
        """
    @meta.setter
    def meta(self, arg0: SweepMetadata) -> None:
        ...
    @property
    def skipped_lines(self) -> int:
        """
        Lines or records that were not REPORT records and were skipped (REPORT logs).
        """
class PowertuningStats:
    """
    Power Tuning's statistics of one size, from per-invocation REPORT values.
    """
    def __init__(self) -> None:
        ...
    @property
    def average_billed_ms(self) -> float:
        """
        Trimmed mean of billed duration
        """
    @property
    def average_duration_ms(self) -> float:
        """
        Trimmed mean of duration (Duration + Init + Restore)
        """
    @property
    def average_price_usd(self) -> float:
        """
        AveragePrice (the output's cost at the chosen size)
        """
    @property
    def total_cost_usd(self) -> float:
        """
        TotalCost: every invocation priced and summed
        """
class FitOptions:
    """
    Options of fit(): structure, the sizes to fit on, aggregation, thread count, bootstrap and the prediction band. C++ owns the defaults.
    """
    def __init__(self) -> None:
        ...
    @property
    def aggregate(self) -> str:
        """
        How each size's durations are summarised: median, trimmed_mean or mean.
        """
    @aggregate.setter
    def aggregate(self, arg1: str) -> None:
        ...
    @property
    def arch(self) -> str:
        """
        Architecture the sweep was measured on, recorded as the profile's architecture: x86_64 or arm64 (empty: the one the file says, Sweep.meta.architectures, else x86_64 with a note in the reason). A sweep with rows of both is refused either way.
        """
    @arch.setter
    def arch(self, arg1: str) -> None:
        ...
    @property
    def band_level(self) -> float:
        """
        Coverage the prediction band promises on sizes not fitted (band_lo_ms/band_hi_ms).
        """
    @band_level.setter
    def band_level(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def bootstrap(self) -> int:
        """
        Bootstrap resamples over raw samples (0: none). Needs per-invocation rows.
        """
    @bootstrap.setter
    def bootstrap(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def date(self) -> str:
        """
        Recording date of the sweep, YYYY-MM-DD (empty: unknown). When set, the fit uses the platform in force that day (platform_in_force) instead of the one passed, and says which in its reason.
        """
    @date.setter
    def date(self, arg0: str) -> None:
        ...
    @property
    def gc_pressure(self) -> float:
        """
        The automatic choice tries gc_cpu only when the smallest fitting size's Max Memory Used is at least this fraction of it: a collector needs a heap of about twice the live data before its work stops mattering (Jones & Lins, "Garbage Collection", 1996, ch. 1 and 6). Without Max Memory Used, gc_cpu is never tried automatically.
        """
    @gc_pressure.setter
    def gc_pressure(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def knee_prior_width(self) -> float:
        """
        Width (natural-log units) of the prior on knee_vcpu, centred on 1 vCPU (plain cpu): among equally good fits the one closest to the plain structure wins.
        """
    @knee_prior_width.setter
    def knee_prior_width(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def load(self) -> str:
        """
        What the durations measure: per_invocation (single calls, the platform's throttling) or sustained (time per operation under sustained load, 1000 / ops of a run of many seconds: smooth throttling, the quota is used up every period).
        """
    @load.setter
    def load(self, arg1: str) -> None:
        ...
    @property
    def model_error(self) -> float:
        """
        Relative error the model is allowed at each size on top of the sampling error of the aggregate (run-to-run drift, model approximation). It sets the noise level of the information criterion: a structure with more terms must lower chi^2 by more than 2 per extra parameter, in units of this noise.
        """
    @model_error.setter
    def model_error(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def name(self) -> str:
        """
        Name of the fitted profile.
        """
    @name.setter
    def name(self, arg0: str) -> None:
        ...
    @property
    def run_scatter(self) -> float:
        """
        The band's relative scatter of a size whose aggregate has no per-invocation samples to measure it (fewer than 3: Power Tuning averages, one benchmark run per size), added in quadrature to model_error: sqrt(2) x the 7 % one run's aggregate scatters about a smooth curve (docs/accuracy.md). Used by the band only.
        """
    @run_scatter.setter
    def run_scatter(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def seed(self) -> int:
        """
        Seed of the bootstrap resampling.
        """
    @seed.setter
    def seed(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def sizes(self) -> list[float]:
        """
        Fit on these recorded sizes only (empty: every size). The others are predicted.
        """
    @sizes.setter
    def sizes(self, arg0: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> None:
        ...
    @property
    def structure(self) -> str:
        """
        Model structure: auto (chosen by an information criterion), io_cpu, threaded_cpu, scaled_io, gc_cpu or amdahl.
        """
    @structure.setter
    def structure(self, arg1: str) -> None:
        ...
    @property
    def threads(self) -> int:
        """
        Threads or processes the function's code runs in parallel, when the user knows it (0: unknown). 1 fits single-threaded structures only; k >= 2 fixes the parallel part of amdahl (and threaded_cpu) at k threads, so the fit estimates only the split of the work. Unknown and not identifiable from the data: the count whose curve is the minimax centre of every plausible count's curve, with the band covering them all (docs/model.md, "Serial and parallel work").
        """
    @threads.setter
    def threads(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class FitCandidate:
    """
    One structure tried on the fitting sizes.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def admissible(self) -> bool:
        """
        False: bends below one vCPU without evidence (see reason)
        """
    @property
    def chi2(self) -> float:
        """
        Sum of squared relative residuals / noise^2
        """
    @property
    def cpu_ms(self) -> float:
        """
        CPU work at one full vCPU (ms).
        """
    @property
    def gc_ms(self) -> float:
        """
        Memory-management CPU work at 1,024 MB (ms at one vCPU).
        """
    @property
    def io_ms(self) -> float:
        """
        I/O time, constant in memory (ms).
        """
    @property
    def knee_vcpu(self) -> float:
        """
        vCPUs at which the scaled I/O saturates.
        """
    @property
    def parallel_ms(self) -> float:
        """
        Amdahl: the parallel part (cpu_ms is the serial part)
        """
    @property
    def parameters(self) -> int:
        """
        Work terms + knobs
        """
    @property
    def scaled_io_ms(self) -> float:
        """
        I/O work that needs CPU up to a knee (ms at one vCPU).
        """
    @property
    def score(self) -> float:
        """
        Chi2 + 2 parameters + knee prior (lower is better)
        """
    @property
    def structure(self) -> str:
        """
        Model structure: io_cpu, threaded_cpu, scaled_io, gc_cpu or amdahl (auto: chosen by an information criterion).
        """
    @property
    def threads(self) -> int:
        """
        Threaded_cpu: threads; amdahl: k of the parallel part
        """
class FitResult:
    """
    What fit() gave: the fitted profile, the structure chosen and why, per size the observed and predicted durations with the prediction band and the parameters' spread, the errors on the fitting and the held-out sizes, and diagnostics.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def prediction_band(self, platform: Platform, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], q_lo: typing.SupportsFloat | typing.SupportsIndex = 0.05, q_hi: typing.SupportsFloat | typing.SupportsIndex = 0.95) -> tuple[typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"], typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]]:
        """
        The parameters' spread at any sizes: quantiles q_lo, q_hi of the bootstrap profiles' warm duration (ms). Not a prediction interval.
        """
    def prediction_interval(self, platform: Platform, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], level: typing.SupportsFloat | typing.SupportsIndex = 0.9) -> tuple[typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"], typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]]:
        """
        The prediction band at any sizes and level in (0, 1): lo and hi arrays (ms).
        """
    @property
    def band_hi_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Prediction band at band_level: where a held-out size's aggregate is expected to fall (model error, the parameters' spread and every plausible structure and thread count included; see prediction_interval).
        """
    @property
    def band_level(self) -> float:
        """
        Coverage of the prediction band (band_lo_ms/band_hi_ms), e.g. 0.9.
        """
    @property
    def band_lo_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Prediction band at band_level: where a held-out size's aggregate is expected to fall (model error, the parameters' spread and every plausible structure and thread count included; see prediction_interval).
        """
    @property
    def bootstrap_profiles(self) -> list[Profile]:
        """
        The profiles fitted to each bootstrap resample (same structure and knobs).
        """
    @property
    def candidates(self) -> list[FitCandidate]:
        """
        Best per structure and knob value
        """
    @property
    def diagnostics(self) -> list[str]:
        """
        Soft diagnostics of the fit, one line each (also raised as LambdasimWarning in Python).
        """
    @property
    def mape(self) -> float:
        """
        Mean |rel_error| over every recorded size
        """
    @property
    def mape_fit(self) -> float:
        """
        Over the fitting sizes
        """
    @property
    def mape_holdout(self) -> float:
        """
        Over the other sizes (NaN if none)
        """
    @property
    def memory_mb(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Memory size (MB).
        """
    @property
    def noise(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Relative noise used for the size (sampling + model)
        """
    @property
    def observed_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        The size's aggregate (warm rows)
        """
    @property
    def param_names(self) -> list[str]:
        """
        Io_ms, cpu_ms, scaled_io_ms, gc_ms (at 1,024 MB), init_ms, first_call_cpu_ms and the bootstrap standard deviations of the work terms (NaN without per-invocation samples; always NaN for init_ms and first_call_cpu_ms, which are medians of the cold rows).
        """
    @property
    def param_sd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Io_ms, cpu_ms, scaled_io_ms, gc_ms (at 1,024 MB), init_ms, first_call_cpu_ms and the bootstrap standard deviations of the work terms (NaN without per-invocation samples; always NaN for init_ms and first_call_cpu_ms, which are medians of the cold rows).
        """
    @property
    def param_values(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Io_ms, cpu_ms, scaled_io_ms, gc_ms (at 1,024 MB), init_ms, first_call_cpu_ms and the bootstrap standard deviations of the work terms (NaN without per-invocation samples; always NaN for init_ms and first_call_cpu_ms, which are medians of the cold rows).
        """
    @property
    def platform_name(self) -> str:
        """
        The platform the fit used (see fit_options::date)
        """
    @property
    def plausible_profiles(self) -> list[Profile]:
        """
        Curves the data cannot tell from the chosen one (other thread counts, structures within 2 of the best score); the band covers them.
        """
    @property
    def plausible_threads(self) -> list[int]:
        """
        Thread count of the parallel part (amdahl, threaded_cpu; 1 otherwise), whether the data or the user fixed it, and the counts the data leave plausible.
        """
    @property
    def predicted_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        T_warm of the fitted profile
        """
    @property
    def profile(self) -> Profile:
        """
        The fitted profile (Python FitResult.profile).
        """
    @property
    def reason(self) -> str:
        """
        Why this structure (scores of the alternatives)
        """
    @property
    def rel_error(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        (predicted - observed) / observed
        """
    @property
    def spread_hi_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        5th/95th percentile of the bootstrap predictions: the parameters' spread only, far narrower than the band (NaN without per-invocation samples).
        """
    @property
    def spread_lo_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        5th/95th percentile of the bootstrap predictions: the parameters' spread only, far narrower than the band (NaN without per-invocation samples).
        """
    @property
    def structure(self) -> str:
        """
        The structure chosen: io_cpu, threaded_cpu, scaled_io, gc_cpu or amdahl.
        """
    @property
    def threads(self) -> int:
        """
        Thread count of the parallel part (amdahl, threaded_cpu; 1 otherwise), whether the data or the user fixed it, and the counts the data leave plausible.
        """
    @property
    def threads_identified(self) -> bool:
        """
        Thread count of the parallel part (amdahl, threaded_cpu; 1 otherwise), whether the data or the user fixed it, and the counts the data leave plausible.
        """
    @property
    def used_in_fit(self) -> numpy.typing.NDArray[numpy.bool]:
        """
        Per size: True where the size was fitted, False where it was held out.
        """
class CheckOptions:
    """
    How a check judges drift (docs/accuracy.md, "The regression check"). By default the whole curve: the shift is the median over sizes of ln(observed / predicted), its interval comes from the sizes' own scatter around it (Student t on the robust spread) and the profile's own level error, and the check fails when the interval lies wholly beyond +-shift_tolerance. Single sizes outside their band are warnings. With rtol set, the per-size rule of earlier releases applies instead: every size within rtol.
    """
    def __init__(self) -> None:
        ...
    @property
    def aggregate(self) -> str:
        """
        How each size's durations are summarised: median, trimmed_mean or mean.
        """
    @aggregate.setter
    def aggregate(self, arg1: str) -> None:
        ...
    @property
    def level(self) -> float:
        """
        Two-sided level of the shift's interval and of the per-size bands.
        """
    @level.setter
    def level(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def profile_error(self) -> float:
        """
        Relative error of the profile's own level (a fitted profile carries its fit's model_error, 3 %): added in quadrature to the shift's standard error, since the runs a profile was fitted to drift as much as the run it is checked against.
        """
    @profile_error.setter
    def profile_error(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def rtol(self) -> float:
        """
        Per-size rule: largest accepted |predicted - observed| / observed at every size. NaN (default): judge by the shift of the whole curve.
        """
    @rtol.setter
    def rtol(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def shift_tolerance(self) -> float:
        """
        Largest accepted relative shift of the whole curve. The level of an unchanged function's curve moves by up to about 10 % between runs a month apart (issue 12).
        """
    @shift_tolerance.setter
    def shift_tolerance(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class CheckResult:
    """
    One entry per recorded size, ascending.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def report(self) -> str:
        """
        A readable table: one line per size, failing sizes marked, then a summary line.
        """
    @property
    def detectable_shift(self) -> float:
        """
        The whole curve's relative shift exp(median ln(observed / predicted)) - 1, its interval at level, and the smallest shift beyond the tolerance this sweep detects with 95 % power (tolerance + 2 t SE; infinite with one size).
        """
    @property
    def deviation(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        observed / predicted - 1: positive when slower than predicted (one convention with shift)
        """
    @property
    def failures(self) -> int:
        """
        Sizes outside rtol (per-size rule) or outside their band
        """
    @property
    def in_band(self) -> numpy.typing.NDArray[numpy.bool]:
        """
        P5 <= predicted <= p95 (false when unknown)
        """
    @property
    def max_abs_deviation(self) -> float:
        """
        Largest |observed / predicted - 1| over the sizes.
        """
    @property
    def max_abs_rel_error(self) -> float:
        """
        Largest |rel_error| over the sizes (compatibility).
        """
    @property
    def memory_mb(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Memory size (MB).
        """
    @property
    def observed_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Observed (ms): the size's aggregate
        """
    @property
    def outside_band(self) -> numpy.typing.NDArray[numpy.bool]:
        """
        Outside predicted x exp(shift +- t s): beyond the scatter of the other sizes (a warning under the shift rule).
        """
    @property
    def p5_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Recorded band (NaN when the sweep does not say)
        """
    @property
    def p95_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        95th percentile latency (ms).
        """
    @property
    def passed(self) -> bool:
        """
        True when the sweep matches the profile under the rule applied.
        """
    @property
    def predicted_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Warm duration of the profile
        """
    @property
    def rel_error(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        (predicted - observed) / observed, kept for compatibility (prefer deviation)
        """
    @property
    def rtol(self) -> float:
        """
        NaN: the shift rule judged
        """
    @property
    def rule(self) -> str:
        """
        Rule: "shift" or "per_size"
        """
    @property
    def shift(self) -> float:
        """
        The whole curve's relative shift exp(median ln(observed / predicted)) - 1, its interval at level, and the smallest shift beyond the tolerance this sweep detects with 95 % power (tolerance + 2 t SE; infinite with one size).
        """
    @property
    def shift_hi(self) -> float:
        """
        Upper end of the interval of the whole curve's shift (relative).
        """
    @property
    def shift_lo(self) -> float:
        """
        Lower end of the interval of the whole curve's shift (relative).
        """
    @property
    def shift_tolerance(self) -> float:
        """
        The whole curve's relative shift exp(median ln(observed / predicted)) - 1, its interval at level, and the smallest shift beyond the tolerance this sweep detects with 95 % power (tolerance + 2 t SE; infinite with one size).
        """
    @property
    def warnings(self) -> list[str]:
        """
        Single sizes outside their band and other soft findings, one line each.
        """
    @property
    def within_tolerance(self) -> numpy.typing.NDArray[numpy.bool]:
        """
        Per-size rule (all true when rtol is NaN)
        """
class Ec2InstanceType:
    """
    One EC2 instance type LMI can run on, with its On-Demand price.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def arch(self) -> str:
        """
        Architecture: x86_64 or arm64.
        """
    @property
    def confidence(self) -> str:
        """
        H, M or L as in data/managed_instances/FACTS.md
        """
    @property
    def memory_gib(self) -> float:
        """
        Memory (GiB) of the Ec2InstanceType.
        """
    @property
    def name(self) -> str:
        """
        Name, as given (free text): E.g. "m7g.xlarge"
        """
    @property
    def on_demand_usd_per_hour(self) -> float:
        """
        On demand (USD per hour) of the Ec2InstanceType.
        """
    @property
    def source(self) -> str:
        """
        Where the data came from (file, run or sweep name).
        """
    @property
    def vcpu(self) -> float:
        """
        Vcpu of the Ec2InstanceType.
        """
class LmiModel:
    """
    The LMI facts of one region (models/lmi-aws.json). No built-in defaults: every value comes from the model file.
    """
    @staticmethod
    def aws() -> LmiModel:
        """
        The compiled-in AWS model. Raises if models/lmi-aws.json is malformed
        """
    @staticmethod
    def from_json(text: str, origin: str = '<json>') -> LmiModel:
        """
        Raises with origin and JSON pointer; unknown keys are an error
        """
    def assumptions(self) -> list[str]:
        """
        The assumptions in force, as "name = value (why)" lines, for results and docs.
        """
    def instance(self, name: str) -> Ec2InstanceType:
        """
        The instance type of that name. Raises ValueError naming it and listing the nearest known names
        """
    def runtime_concurrency_per_vcpu(self, runtime: str) -> int:
        """
        Default concurrency per vCPU of a runtime. Raises ValueError for an unknown runtime, listing the known ones
        """
    @property
    def billing_granularity_s(self) -> float:
        """
        LMI instance time is billed in steps of this (seconds).
        """
    @property
    def billing_minimum_s(self) -> float:
        """
        Shortest billed LMI instance time (seconds).
        """
    @property
    def concurrency_per_environment_max(self) -> int:
        """
        Most requests one LMI execution environment may run at once.
        """
    @property
    def concurrency_per_vcpu(self) -> list[tuple[str, int]]:
        """
        Concurrency per vcpu: by runtime
        """
    @property
    def cpu_target(self) -> float:
        """
        Default autoscaling CPU target, in (0, 1].
        """
    @property
    def default_min_environments(self) -> int:
        """
        Execution environments LMI keeps at all times by default.
        """
    @property
    def default_min_instances(self) -> int:
        """
        EC2 instances LMI keeps at all times by default.
        """
    @property
    def ec2_max_discount(self) -> float:
        """
        EC2 Instance SP / RIs
        """
    @property
    def effective_date(self) -> str:
        """
        Date the LMI facts were recorded (YYYY-MM-DD).
        """
    @property
    def environment_memory_gib_max(self) -> float:
        """
        Largest execution environment memory (GiB).
        """
    @property
    def environment_memory_gib_min(self) -> float:
        """
        Smallest execution environment memory (GiB).
        """
    @property
    def environment_vcpu_max(self) -> float:
        """
        Most vCPUs an execution environment may have.
        """
    @property
    def environment_vcpu_min(self) -> float:
        """
        Fewest vCPUs an execution environment may have.
        """
    @property
    def instance_types(self) -> list[Ec2InstanceType]:
        """
        The EC2 instance types LMI offers, with their prices.
        """
    @property
    def lambda_sp_max_discount(self) -> float:
        """
        Compute SP on Lambda duration and PC
        """
    @property
    def lambda_sp_min_published_discount(self) -> float:
        """
        Smallest published Lambda Savings Plan discount, a fraction.
        """
    @property
    def management_fee_fraction(self) -> float:
        """
        Of the EC2 On-Demand price
        """
    @property
    def memory_per_vcpu_gib(self) -> float:
        """
        Environment memory per vCPU (GiB).
        """
    @property
    def memory_per_vcpu_gib_max(self) -> float:
        """
        Largest memory per vCPU an environment may have (GiB).
        """
    @property
    def memory_per_vcpu_gib_min(self) -> float:
        """
        Smallest memory per vCPU an environment may have (GiB).
        """
    @property
    def month_hours(self) -> float:
        """
        Hours in a billing month (AWS: 730)
        """
    @property
    def name(self) -> str:
        """
        Name, as given (free text).
        """
    @property
    def os_reserve_gib(self) -> float:
        """
        Memory each instance keeps for the OS (GiB).
        """
    @property
    def os_reserve_vcpu(self) -> float:
        """
        vCPUs each instance keeps for the OS.
        """
    @property
    def region(self) -> str:
        """
        AWS region priced, e.g. us-east-1.
        """
    @property
    def requests_usd_per_million(self) -> float:
        """
        Price of a million requests (USD).
        """
    @property
    def runtime(self) -> str:
        """
        Default runtime for the concurrency per vCPU.
        """
    @property
    def scale_in_cooldown_s(self) -> float:
        """
        Wait before scaling in (seconds).
        """
    @property
    def scaling_doubling_s(self) -> float:
        """
        Capacity at most doubles in this time
        """
    @property
    def scaling_interval_s(self) -> float:
        """
        How often autoscaling decides (seconds).
        """
    @property
    def source(self) -> str:
        """
        Where the data came from (file, run or sweep name).
        """
    @property
    def startup_lag_s(self) -> float:
        """
        Default delay before a new instance serves (seconds).
        """
class LmiConfig:
    """
    An LMI capacity provider and function configuration. Defaults come from lmi_model::aws() (limits and assumptions); 0 means "derived" where stated.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def validate(self) -> None:
        """
        Raises ValueError naming the field and the value (also an unknown instance type or runtime, and a layout that fits no environment)
        """
    @property
    def concurrency_per_environment(self) -> int:
        """
        Requests one environment runs at once. 0: the runtime's default per vCPU times the environment's vCPUs (at most the platform maximum).
        """
    @concurrency_per_environment.setter
    def concurrency_per_environment(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def cpu_target(self) -> float:
        """
        Autoscaling target, (0, 1]
        """
    @cpu_target.setter
    def cpu_target(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def ec2_discount(self) -> float:
        """
        Savings Plan / RI discount on the EC2 part, [0, max]
        """
    @ec2_discount.setter
    def ec2_discount(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def environment_memory_gib(self) -> float:
        """
        Memory of one execution environment (GiB). 0: the smallest valid one, max(environment_memory_gib_min, environment_vcpu_min * memory_per_vcpu_gib).
        """
    @environment_memory_gib.setter
    def environment_memory_gib(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def instance_type(self) -> str:
        """
        EC2 instance type, e.g. m7g.large: required, e.g. "m7g.large"
        """
    @instance_type.setter
    def instance_type(self, arg0: str) -> None:
        ...
    @property
    def max_environments(self) -> int:
        """
        Max environments: 0: no cap
        """
    @max_environments.setter
    def max_environments(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def memory_per_request_mb(self) -> float:
        """
        Memory each in-flight request needs (MB; Python runs one process per request): the concurrency is at most environment memory / this. 0: no memory bound.
        """
    @memory_per_request_mb.setter
    def memory_per_request_mb(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def memory_per_vcpu_gib(self) -> float:
        """
        Environment memory per vCPU (GiB).
        """
    @memory_per_vcpu_gib.setter
    def memory_per_vcpu_gib(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def min_environments(self) -> int:
        """
        Execution environments kept at all times (the minimum footprint).
        """
    @min_environments.setter
    def min_environments(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def min_instances(self) -> int:
        """
        EC2 instances kept at all times (the minimum footprint).
        """
    @min_instances.setter
    def min_instances(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def os_reserve_gib(self) -> float:
        """
        Os reserve (GiB): per instance
        """
    @os_reserve_gib.setter
    def os_reserve_gib(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def os_reserve_vcpu(self) -> float:
        """
        Os reserve vcpu: per instance
        """
    @os_reserve_vcpu.setter
    def os_reserve_vcpu(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def runtime(self) -> str:
        """
        For the concurrency default
        """
    @runtime.setter
    def runtime(self, arg0: str) -> None:
        ...
    @property
    def scale_in_cooldown_s(self) -> float:
        """
        Wait before scaling in (seconds).
        """
    @scale_in_cooldown_s.setter
    def scale_in_cooldown_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def scaling_doubling_s(self) -> float:
        """
        Time in which autoscaling can at most double the environments (seconds).
        """
    @scaling_doubling_s.setter
    def scaling_doubling_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def scaling_interval_s(self) -> float:
        """
        How often autoscaling decides (seconds).
        """
    @scaling_interval_s.setter
    def scaling_interval_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def startup_lag_s(self) -> float:
        """
        Startup lag (seconds): scale-out delay
        """
    @startup_lag_s.setter
    def startup_lag_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class LmiLayout:
    """
    What a configuration resolves to on its instance type.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def concurrency(self) -> int:
        """
        Per environment, after every bound
        """
    @property
    def ec2_usd_per_hour(self) -> float:
        """
        EC2 part per instance-hour after the discount
        """
    @property
    def environment_memory_gib(self) -> float:
        """
        Memory of one execution environment (GiB).
        """
    @property
    def environment_vcpu(self) -> float:
        """
        Environment vcpu: environment_memory_gib / memory_per_vcpu_gib
        """
    @property
    def environments_per_instance(self) -> int:
        """
        Execution environments that fit on one instance.
        """
    @property
    def instance(self) -> Ec2InstanceType:
        """
        The EC2 instance type (Ec2InstanceType).
        """
    @property
    def management_usd_per_hour(self) -> float:
        """
        Management (USD per hour): fee per instance-hour
        """
class LmiBill:
    """
    One month's LMI bill, itemised (USD).
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def ec2_discount(self) -> float:
        """
        Discount applied to the EC2 part, a fraction (the fee is never discounted).
        """
    @property
    def instance_hours(self) -> float:
        """
        Instance-hours in the month.
        """
    @property
    def instance_type(self) -> str:
        """
        EC2 instance type, e.g. m7g.large.
        """
    @property
    def instances_usd(self) -> float:
        """
        The EC2 part after the discount
        """
    @property
    def management_usd(self) -> float:
        """
        Fee on the On-Demand price, never discounted
        """
    @property
    def on_demand_usd(self) -> float:
        """
        The EC2 part before the discount
        """
    @property
    def requests(self) -> float:
        """
        Number of requests.
        """
    @property
    def requests_usd(self) -> float:
        """
        Request charge (USD).
        """
    @property
    def total_usd(self) -> float:
        """
        Total (USD).
        """
class LmiRequestWork:
    """
    CPU and I/O of one request on LMI, from a profile: cpu and gc components are CPU (at one vCPU, single-threaded; gc at the environment's memory), io and scaled_io are waits (scaled_io at its knee or one vCPU, whichever is smaller).
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def cpu_ms(self) -> float:
        """
        CPU work at one full vCPU (ms).
        """
    @property
    def io_ms(self) -> float:
        """
        I/O time, constant in memory (ms).
        """
class LmiPlan:
    """
    Steady-state capacity plan: environments for requests_per_month at a peak of peak_to_mean times the mean rate, kept all month (autoscaling cannot follow bursts faster than it grows, so capacity for the peak is held).
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def bill(self) -> LmiBill:
        """
        The month's bill of the plan (LmiBill).
        """
    @property
    def bound(self) -> str:
        """
        What set the environment count: "minimum", "cpu" or "concurrency"
        """
    @property
    def concurrency_utilisation(self) -> float:
        """
        Concurrency utilisation at the peak, of the planned environments (Little's law, no contention).
        """
    @property
    def cpu_utilisation(self) -> float:
        """
        CPU utilisation at the peak, of the planned environments.
        """
    @property
    def environments(self) -> int:
        """
        Execution environments the plan needs.
        """
    @property
    def instances(self) -> int:
        """
        Number of instances.
        """
    @property
    def layout(self) -> LmiLayout:
        """
        What the configuration resolves to on its instance type (LmiLayout).
        """
    @property
    def mean_rate_per_s(self) -> float:
        """
        Mean request rate planned for (requests per second).
        """
    @property
    def peak_rate_per_s(self) -> float:
        """
        Peak request rate planned for (requests per second).
        """
    @property
    def work(self) -> LmiRequestWork:
        """
        The work of one request in an environment (LmiRequestWork).
        """
class LmiSimulateOptions:
    """
    Options of an LMI simulation.
    """
    def __init__(self) -> None:
        ...
    def validate(self) -> None:
        """
        Raises ValueError naming the field
        """
    @property
    def autoscale(self) -> bool:
        """
        False: the initial environments, fixed
        """
    @autoscale.setter
    def autoscale(self, arg0: bool) -> None:
        ...
    @property
    def exponential_work(self) -> bool:
        """
        Per-request work exponential with the profile's mean (queueing checks, M/M/1) instead of lognormal with the profile's cv.
        """
    @exponential_work.setter
    def exponential_work(self, arg0: bool) -> None:
        ...
    @property
    def initial_environments(self) -> int:
        """
        Environments ready at t = 0. 0: the configuration's minimum.
        """
    @initial_environments.setter
    def initial_environments(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def seed(self) -> int:
        """
        Random seed (an integer >= 0): the same seed gives the same numbers on every machine.
        """
    @seed.setter
    def seed(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class LmiSimulationResult:
    """
    What an LMI simulation gave. Latency is arrival to completion of served requests.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def assumptions(self) -> list[str]:
        """
        The assumptions in force, one line each, marked [default] or [set].
        """
    @property
    def config(self) -> LmiConfig:
        """
        The LmiConfig simulated.
        """
    @property
    def cpu_utilisation(self) -> float:
        """
        Busy vCPU-s / ready environment vCPU-s
        """
    @property
    def instance_seconds(self) -> float:
        """
        Billed instance time over the period
        """
    @property
    def interval_s(self) -> float:
        """
        Per scaling interval (interval_s): start time, ready and pending environments at its end, instances, arrivals, throttles, CPU utilisation of ready environments.
        """
    @property
    def latency(self) -> LatencyStats:
        """
        Latency statistics of the served requests (LatencyStats, ms).
        """
    @property
    def latency_hist(self) -> LogHistogram:
        """
        Histogram of the served requests' latencies (LogHistogram, ms).
        """
    @property
    def layout(self) -> LmiLayout:
        """
        What the configuration resolves to on its instance type (LmiLayout).
        """
    @property
    def mean_concurrency(self) -> float:
        """
        Time average of requests in flight
        """
    @property
    def mean_environments(self) -> float:
        """
        Time average of ready environments
        """
    @property
    def mean_instances(self) -> float:
        """
        Mean number of instances over the period.
        """
    @property
    def peak_concurrency(self) -> int:
        """
        Most requests in flight at once
        """
    @property
    def peak_environments(self) -> int:
        """
        Most execution environments at once.
        """
    @property
    def peak_instances(self) -> int:
        """
        Largest number of instances at once.
        """
    @property
    def period_s(self) -> float:
        """
        Simulated period (seconds).
        """
    @property
    def requests(self) -> int:
        """
        Number of requests.
        """
    @property
    def seed(self) -> int:
        """
        Random seed (an integer >= 0): the same seed gives the same numbers on every machine.
        """
    @property
    def served(self) -> int:
        """
        Requests served (not throttled).
        """
    @property
    def throttled(self) -> int:
        """
        Requests throttled at the concurrency limit.
        """
    @property
    def timeline_arrivals(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Per scaling interval (interval_s): start time, ready and pending environments at its end, instances, arrivals, throttles, CPU utilisation of ready environments.
        """
    @property
    def timeline_cpu_utilisation(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Per scaling interval (interval_s): start time, ready and pending environments at its end, instances, arrivals, throttles, CPU utilisation of ready environments.
        """
    @property
    def timeline_environments(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Per scaling interval (interval_s): start time, ready and pending environments at its end, instances, arrivals, throttles, CPU utilisation of ready environments.
        """
    @property
    def timeline_instances(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Per scaling interval (interval_s): start time, ready and pending environments at its end, instances, arrivals, throttles, CPU utilisation of ready environments.
        """
    @property
    def timeline_pending(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Per scaling interval (interval_s): start time, ready and pending environments at its end, instances, arrivals, throttles, CPU utilisation of ready environments.
        """
    @property
    def timeline_t_s(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Per scaling interval (interval_s): start time, ready and pending environments at its end, instances, arrivals, throttles, CPU utilisation of ready environments.
        """
    @property
    def timeline_throttled(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Per scaling interval (interval_s): start time, ready and pending environments at its end, instances, arrivals, throttles, CPU utilisation of ready environments.
        """
    @property
    def work(self) -> LmiRequestWork:
        """
        Work at one full vCPU (ms).
        """
class CompareOptions:
    """
    What compare_compute needs besides the function.
    """
    def __init__(self) -> None:
        ...
    def validate(self) -> None:
        """
        Raises ValueError naming the field
        """
    @property
    def computes(self) -> list[str]:
        """
        The compute options compared: on-demand, provisioned, lmi.
        """
    @computes.setter
    def computes(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def max_latency_ms(self) -> float:
        """
        0: none; else options slower at the percentile lose
        """
    @max_latency_ms.setter
    def max_latency_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def max_throttled_fraction(self) -> float:
        """
        Options throttling more lose
        """
    @max_throttled_fraction.setter
    def max_throttled_fraction(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def month_hours(self) -> float:
        """
        Hours in the month priced.
        """
    @month_hours.setter
    def month_hours(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def peak_to_mean(self) -> float:
        """
        Capacity (PC, LMI) is held for mean x this
        """
    @peak_to_mean.setter
    def peak_to_mean(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def percentile(self) -> float:
        """
        The latency percentile reported, (0, 1)
        """
    @percentile.setter
    def percentile(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def requests_per_month(self) -> float:
        """
        Requests per month.
        """
    @requests_per_month.setter
    def requests_per_month(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def seed(self) -> int:
        """
        Random seed (an integer >= 0): the same seed gives the same numbers on every machine.
        """
    @seed.setter
    def seed(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def simulate_s(self) -> float:
        """
        Simulated window at the peak rate for latencies
        """
    @simulate_s.setter
    def simulate_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class ComputeEstimate:
    """
    One compute option at the user's traffic.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def bill(self) -> MonthlyBill:
        """
        Bill: on-demand and provisioned
        """
    @property
    def cold_fraction(self) -> float:
        """
        On-demand and provisioned overflow
        """
    @property
    def compute(self) -> str:
        """
        Compute option: on-demand, provisioned or lmi.
        """
    @property
    def detail(self) -> str:
        """
        One line: what was priced
        """
    @property
    def environments(self) -> int:
        """
        Environments: lmi
        """
    @property
    def feasible(self) -> bool:
        """
        Within max_latency_ms and max_throttled_fraction
        """
    @property
    def instances(self) -> int:
        """
        Number of instances: lmi
        """
    @property
    def latency_ms(self) -> float:
        """
        Latency at the percentile, cold starts included (ms): at compare_options::percentile, simulated
        """
    @property
    def lmi(self) -> LmiBill:
        """
        Lmi: lmi
        """
    @property
    def mean_latency_ms(self) -> float:
        """
        Mean latency of the option (ms).
        """
    @property
    def provisioned_concurrency(self) -> int:
        """
        Provisioned concurrency: instances kept warm.
        """
    @property
    def throttled_fraction(self) -> float:
        """
        Fraction of requests throttled.
        """
    @property
    def total_usd(self) -> float:
        """
        Total (USD): the month
        """
class ComputeComparison:
    """
    On-demand, provisioned concurrency and Lambda Managed Instances priced at one traffic: one ComputeEstimate per option, the winner and the reason it wins.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def assumptions(self) -> list[str]:
        """
        LMI's, for its configuration (lmi_assumptions)
        """
    @property
    def options(self) -> list[ComputeEstimate]:
        """
        Options: in compare_options::computes order
        """
    @property
    def percentile(self) -> float:
        """
        Latency percentile, e.g. 99.
        """
    @property
    def reason(self) -> str:
        """
        Why the winner wins
        """
    @property
    def winner(self) -> str:
        """
        The compute option that wins: on-demand, provisioned or lmi.
        """
class BreakEvenResult:
    """
    Monthly cost of each compute option over a grid (analytic: no simulation; on-demand with no cold starts, provisioned for the peak, LMI planned for the peak).
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def lmi_on_demand_crossovers(self) -> list[float]:
        """
        X where LMI and on-demand cost the same (sign changes of lmi - on_demand, refined by bisection), ascending
        """
    @property
    def lmi_provisioned_crossovers(self) -> list[float]:
        """
        X where LMI and provisioned concurrency cost the same (sign changes of lmi - provisioned, refined by bisection), ascending
        """
    @property
    def lmi_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Monthly cost on Lambda Managed Instances at each traffic (USD).
        """
    @property
    def on_demand_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Monthly cost on demand at each traffic (USD).
        """
    @property
    def provisioned_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Provisioned concurrency charge (USD).
        """
    @property
    def x(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        X of the BreakEvenResult.
        """
    @property
    def x_name(self) -> str:
        """
        X name: "requests_per_month" or "peak_to_mean"
        """
class RecommendOptions:
    """
    Options of a recommendation. C++ owns the defaults; Python and the CLI only override.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __init__(self) -> None:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def validate(self) -> None:
        """
        Raises ValueError naming the field and the value
        """
    @property
    def architectures(self) -> list:
        """
        Architectures to consider (non-empty, no repeats).
        """
    @architectures.setter
    def architectures(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def arrival_pattern(self) -> Arrivals | None:
        """
        A non-Poisson arrival pattern (e.g. hourly rates); its mean rate sets the monthly requests, and latencies come from the simulator.
        """
    @arrival_pattern.setter
    def arrival_pattern(self, arg0: Arrivals | None) -> None:
        ...
    @property
    def band_hi_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Upper end of the 90 % prediction band (ms).
        """
    @band_hi_ms.setter
    def band_hi_ms(self, arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"]) -> None:
        ...
    @property
    def band_lo_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Lower end of the 90 % prediction band (ms).
        """
    @band_lo_ms.setter
    def band_lo_ms(self, arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"]) -> None:
        ...
    @property
    def band_relative(self) -> float:
        """
        Relative half-width of the model's uncertainty band; overlapping bands are reported as within the model's uncertainty (0: no band).
        """
    @band_relative.setter
    def band_relative(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def bill(self) -> BillOptions:
        """
        Base of each candidate's monthly bill (free tier, date, storage, account offset); requests, cold fraction and provisioned fields are set per candidate.
        """
    @bill.setter
    def bill(self, arg0: BillOptions) -> None:
        ...
    @property
    def budget_usd(self) -> float | None:
        """
        Monthly; needs requests_per_month > 0
        """
    @budget_usd.setter
    def budget_usd(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def closed_form_max_load(self) -> float:
        """
        Closed form while the expected on-demand concurrency (arrival rate x cold duration) is below this; the simulator otherwise.
        """
    @closed_form_max_load.setter
    def closed_form_max_load(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def compute(self) -> list:
        """
        Concurrency options to consider; provisioned needs max_provisioned > 0.
        """
    @compute.setter
    def compute(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def current_architecture(self) -> str | None:
        """
        Current architecture: default: the profile's
        """
    @current_architecture.setter
    def current_architecture(self, arg1: str | None) -> None:
        ...
    @property
    def current_memory_mb(self) -> float | None:
        """
        Memory size of the current configuration (MB); the result says what changes (None: no current configuration).
        """
    @current_memory_mb.setter
    def current_memory_mb(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def current_provisioned(self) -> int:
        """
        Deprecated name of current_provisioned_concurrency (warns).
        """
    @current_provisioned.setter
    def current_provisioned(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def current_provisioned_concurrency(self) -> int:
        """
        Provisioned-concurrency instances of the current configuration (with current_memory_mb).
        """
    @current_provisioned_concurrency.setter
    def current_provisioned_concurrency(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def headroom(self) -> float:
        """
        Memory headroom over the profile's peak_memory_mb: sizes below peak * (1 + headroom) are excluded. 20 % is DESIGN.md's default, the safety margin right-sizing guides commonly quote; it is a guide's rule of thumb, not a platform limit, and no AWS document we found states the figure (docs/choosing.md says so).
        """
    @headroom.setter
    def headroom(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def lmi(self) -> LmiConfig | None:
        """
        The Lambda Managed Instances configuration (instance type, ...) when compute includes lmi: planned for the traffic's peak, its latency simulated (lmi.hpp).
        """
    @lmi.setter
    def lmi(self, arg0: LmiConfig | None) -> None:
        ...
    @property
    def max_latency_ms(self) -> float | None:
        """
        Largest latency at the percentile of all requests, cold starts included (ms; None: no limit).
        """
    @max_latency_ms.setter
    def max_latency_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def max_provisioned(self) -> int:
        """
        Largest number of provisioned instances tried (1..max_provisioned); 0: none.
        """
    @max_provisioned.setter
    def max_provisioned(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_warm_ms(self) -> float | None:
        """
        Largest warm duration (ms; None: no limit).
        """
    @max_warm_ms.setter
    def max_warm_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def memory_mb(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Memory sizes to consider (empty: every size of the platform).
        """
    @memory_mb.setter
    def memory_mb(self, arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"]) -> None:
        ...
    @property
    def percentile(self) -> float:
        """
        Percentile of all requests (cold starts included) for max_latency_ms and the Pareto front, in (0, 100).
        """
    @percentile.setter
    def percentile(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def profile_architecture(self) -> str | None:
        """
        The architecture the profile was measured on (unset: the profile's architecture).
        """
    @profile_architecture.setter
    def profile_architecture(self, arg1: str | None) -> None:
        ...
    @property
    def region(self) -> str:
        """
        AWS region priced, e.g. us-east-1.
        """
    @region.setter
    def region(self, arg0: str) -> None:
        ...
    @property
    def requests_per_month(self) -> float:
        """
        0: price one warm invocation, no monthly bill
        """
    @requests_per_month.setter
    def requests_per_month(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def runners_up(self) -> int:
        """
        At most this many runners-up
        """
    @runners_up.setter
    def runners_up(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def seed(self) -> int:
        """
        Seed of the simulations behind the cold fraction (when simulated).
        """
    @seed.setter
    def seed(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def simulated_hours(self) -> float:
        """
        Shortest simulated period for Poisson traffic
        """
    @simulated_hours.setter
    def simulated_hours(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def simulated_requests(self) -> float:
        """
        Poisson traffic: the period holds about this many requests (at least simulated_hours, at most 744 h), so low rates are not judged from a handful of cold starts and high rates do not simulate tens of millions of requests per size.
        """
    @simulated_requests.setter
    def simulated_requests(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def simulated_sizes(self) -> int:
        """
        Sizes simulated per group when simulating
        """
    @simulated_sizes.setter
    def simulated_sizes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def speed_ratio(self) -> float | None:
        """
        How many times faster the profile's CPU work (cpu and gc components and first_call_cpu_ms; io, scaled_io and init_ms unchanged) runs on the other architecture, as profile::on_architecture and architecture_speed_ratio: 1.25 means it takes 0.8 of the time there. Unset: 1.0, and the result's caveats say so.
        """
    @speed_ratio.setter
    def speed_ratio(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def strategy(self) -> str:
        """
        Objective: cost, speed, balanced or knee.
        """
    @strategy.setter
    def strategy(self, arg1: str) -> None:
        ...
    @property
    def weight(self) -> float:
        """
        Balanced: weight of cost, in [0, 1]
        """
    @weight.setter
    def weight(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class RecommendCandidate:
    """
    One configuration with its figures.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def arch(self) -> str:
        """
        Architecture: x86_64 or arm64.
        """
    @property
    def band_hi_ms(self) -> float:
        """
        Upper end of the 90 % prediction band (ms).
        """
    @property
    def band_lo_ms(self) -> float:
        """
        Warm-duration band (= warm_ms without one)
        """
    @property
    def bill(self) -> MonthlyBill:
        """
        The month's itemised bill (the choice, runners-up and the current configuration only; zero without requests_per_month).
        """
    @property
    def cold_fraction(self) -> float:
        """
        Fraction of requests that started cold: of all requests
        """
    @property
    def cold_ms(self) -> float:
        """
        Cold duration as the caller sees it: init_ms + first-call CPU (at most one vCPU) + T_warm(m). REPORT's Init Duration is init_ms; its cold Duration is the rest.
        """
    @property
    def compute(self) -> str:
        """
        Compute option: on-demand, provisioned or lmi.
        """
    @property
    def cost_usd(self) -> float:
        """
        One warm invocation, first-tier price (as curve)
        """
    @property
    def latency_ms(self) -> float:
        """
        The percentile of all requests
        """
    @property
    def memory_mb(self) -> float:
        """
        Memory size (MB).
        """
    @property
    def method(self) -> str:
        """
        How the latency was obtained: warm_only, closed_form or simulation.
        """
    @property
    def monthly_usd(self) -> float:
        """
        The month's bill (NaN without requests_per_month)
        """
    @property
    def provisioned(self) -> int:
        """
        Deprecated alias of provisioned_concurrency (same value; kept for the CLI's JSON and tables, which tools parse).
        """
    @property
    def provisioned_concurrency(self) -> int:
        """
        Provisioned-concurrency instances (0 on demand).
        """
    @property
    def role(self) -> str:
        """
        Runners-up: why it is listed ("cheapest", "arm64", ...)
        """
    @property
    def warm_ms(self) -> float:
        """
        Warm duration T_warm(m): the sum of the components.
        """
    @property
    def within_uncertainty(self) -> bool:
        """
        Runners-up: band overlaps the choice's
        """
class RecommendTable:
    """
    Every candidate, one row each.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def arch(self) -> list:
        """
        Architecture: x86_64 or arm64.
        """
    @property
    def cold_fraction(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Fraction of requests that started cold.
        """
    @property
    def cold_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Cold duration as the caller sees it: init_ms + first-call CPU (at most one vCPU) + T_warm(m). REPORT's Init Duration is init_ms; its cold Duration is the rest.
        """
    @property
    def compute(self) -> list:
        """
        Compute option: on-demand, provisioned or lmi.
        """
    @property
    def cost_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        One warm invocation: duration charge at the first-tier price plus the request charge (USD).
        """
    @property
    def excluded_by(self) -> list:
        """
        Excluded by: none = feasible
        """
    @property
    def feasible(self) -> numpy.typing.NDArray[numpy.bool]:
        """
        True where no constraint excludes the candidate (excluded_by is none).
        """
    @property
    def latency_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Latency at the percentile, cold starts included (ms).
        """
    @property
    def memory_mb(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Memory size (MB).
        """
    @property
    def monthly_usd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        The month's bill (USD).
        """
    @property
    def pareto(self) -> typing.Annotated[numpy.typing.NDArray[numpy.bool], "[m, 1]"]:
        """
        On the Pareto front of (cost, latency) among the feasible
        """
    @property
    def provisioned(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
        """
        Deprecated alias of provisioned_concurrency (same value; kept for the CLI's JSON and tables, which tools parse).
        """
    @property
    def provisioned_concurrency(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
        """
        Provisioned-concurrency instances (0 on demand).
        """
    @property
    def warm_ms(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Warm duration T_warm(m): the sum of the components.
        """
class RecommendChange:
    """
    What changes from the current configuration to the chosen one.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def cost_change(self) -> float:
        """
        Relative change of the cost measure (0.1 = +10 %)
        """
    @property
    def current(self) -> RecommendCandidate:
        """
        The current configuration (RecommendCandidate).
        """
    @property
    def duration_change(self) -> float:
        """
        Relative change of the warm duration
        """
    @property
    def latency_change(self) -> float:
        """
        Relative change of the latency percentile
        """
    @property
    def monthly_usd_change(self) -> float:
        """
        Dollars a month (NaN without requests_per_month)
        """
class Recommendation:
    """
    A recommended configuration (memory size, architecture, concurrency option), the objective or constraint that decided it, the runners-up, the Pareto front and the caveats.
    """
    def __getstate__(self) -> tuple[typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any, typing.Any]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def candidates(self) -> RecommendTable:
        """
        Every candidate configuration as a RecommendTable (columns of equal length).
        """
    @property
    def caveats(self) -> list[str]:
        """
        What the recommendation assumes, one line each (e.g. an unknown arm64 speed ratio).
        """
    @property
    def change(self) -> RecommendChange | None:
        """
        From the current configuration to the choice (RecommendChange), None without one.
        """
    @property
    def chosen(self) -> RecommendCandidate:
        """
        The chosen configuration (RecommendCandidate).
        """
    @property
    def chosen_bill(self) -> MonthlyBill:
        """
        The month's bill of the choice (zero without requests)
        """
    @property
    def decided_by(self) -> str:
        """
        Which constraint decided it (none: the objective alone) and the reason in words.
        """
    @property
    def feasible_count(self) -> int:
        """
        Number of configurations meeting every constraint.
        """
    @property
    def lmi(self) -> LmiPlan | None:
        """
        When compute includes lmi: its capacity plan and bill (chosen or not).
        """
    @property
    def method(self) -> str:
        """
        Method: the chosen's
        """
    @property
    def method_detail(self) -> str:
        """
        How the latencies were obtained, with the error bound
        """
    @property
    def percentile(self) -> float:
        """
        Latency percentile, e.g. 99.
        """
    @property
    def reason(self) -> str:
        """
        Which constraint decided it (none: the objective alone) and the reason in words.
        """
    @property
    def requests_per_month(self) -> float:
        """
        Requests per month.
        """
    @property
    def runners_up(self) -> list[RecommendCandidate]:
        """
        The runners-up (cheapest, fastest, knee, the best of the other architecture ...), each a RecommendCandidate with its role.
        """
    @property
    def speed_ratio(self) -> float:
        """
        Speed ratio: as used
        """
    @property
    def strategy(self) -> str:
        """
        Objective: cost, speed, balanced or knee.
        """
    @property
    def weight(self) -> float:
        """
        Balanced: the weight of cost used, in [0, 1].
        """
    @property
    def within_uncertainty(self) -> bool:
        """
        A runner-up's band overlaps the choice's
        """
def architecture_speed_ratio(runtime: str, from_arch: str, to_arch: str) -> tuple[float, str]:
    """
    The documented speed ratio of a runtime moving from from to to (models/architecture-speed.json, which records arm64 duration / x86_64 duration): how many times faster CPU work runs on to, for profile::on_architecture. A runtime without data gives 1.0 and sets note (when given) to say so. Raises ValueError for an unknown architecture
    """
def bill_curve(profile: Profile, platform: Platform, prices: PriceTable, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None, options: BillOptions) -> BillCurveResult:
    """
    The month's bill at each memory size (batch): one BillCurveResult row per size. Raises as compute_bill (options are checked once, before any size)
    """
def bill_curve_columns(columns: dict, platform: Platform, prices: PriceTable, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None, options: BillOptions, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> dict:
    """
    Bill curves of profiles given as columns (PROFILE_COLUMNS): a dict of numpy columns, 2-D (profiles x sizes) except memory_mb.
    """
def bill_curve_profiles(profiles: collections.abc.Sequence, platform: Platform, prices: PriceTable, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None, options: BillOptions, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> dict:
    """
    Bill curves of a sequence of Profiles: a dict of numpy columns, 2-D (profiles x sizes) except memory_mb.
    """
def billed_ms(duration_ms: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], granularity_ms: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    """
    Billed duration: duration rounded up to the granularity (1 ms on AWS since 2020-12-01, 100 ms before). Durations within 1e-9 ms of a step count as on it, so 1100.0000000001 ms bills 1100 ms, not 1101. Raises ValueError unless duration_ms >= 0 and granularity_ms > 0
    """
def break_even_peak(profile: Profile, platform: Platform, prices: PriceTable, memory_mb: typing.SupportsFloat | typing.SupportsIndex, config: LmiConfig, requests_per_month: typing.SupportsFloat | typing.SupportsIndex, peak_to_mean: typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"], bill_options: BillOptions = ..., month_hours: typing.SupportsFloat | typing.SupportsIndex = 730.0) -> BreakEvenResult:
    """
    Costs against the peak-to-mean ratio at fixed monthly requests.
    """
def break_even_requests(profile: Profile, platform: Platform, prices: PriceTable, memory_mb: typing.SupportsFloat | typing.SupportsIndex, config: LmiConfig, requests_per_month: typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"], peak_to_mean: typing.SupportsFloat | typing.SupportsIndex = 1.0, bill_options: BillOptions = ..., month_hours: typing.SupportsFloat | typing.SupportsIndex = 730.0) -> BreakEvenResult:
    """
    Costs against monthly requests at a fixed peak-to-mean ratio. Raises ValueError for an empty or negative grid, or as compute_bill / plan_lmi
    """
def check(profile: Profile, sweep: Sweep, platform: Platform, options: CheckOptions = ...) -> CheckResult:
    """
    Compares a profile's predictions with a recorded sweep: the whole curve's shift against shift_tolerance (or each size against rtol), with per-size warnings (CheckResult). Raises ValueError for an invalid profile, an empty sweep, rtol set and not > 0, shift_tolerance or profile_error < 0, level outside (0, 1), or a recorded size off the platform's grid
    """
def clopper_pearson(x: typing.SupportsInt | typing.SupportsIndex, n: typing.SupportsInt | typing.SupportsIndex, level: typing.SupportsFloat | typing.SupportsIndex) -> tuple[float, float]:
    """
    Exact (Clopper-Pearson) two-sided interval (lo, hi) of a binomial proportion: x successes in n trials at confidence level (beta quantiles; NaN for n = 0).
    """
def cold_ms(profile: Profile, platform: Platform, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    """
    Cold duration as the caller sees it: init_ms + first-call CPU (at most one vCPU) + T_warm(m). REPORT's Init Duration is init_ms; its cold Duration is the rest.
    """
@typing.overload
def cold_probability(rate_per_s: typing.SupportsFloat | typing.SupportsIndex, keep_alive: KeepAlive) -> float:
    """
    For one instance and Poisson arrivals at rate_per_s with short requests, P(cold) = E[exp(-rate * K)] over the keep-alive K: exp(-rate * K) for a fixed K. Raises ValueError unless rate_per_s >= 0
    """
@typing.overload
def cold_probability(rate_per_s: typing.SupportsFloat | typing.SupportsIndex, keep_alive_s: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    For one instance and Poisson arrivals at rate_per_s with short requests, P(cold) = E[exp(-rate * K)] over the keep-alive K: exp(-rate * K) for a fixed K. Raises ValueError unless rate_per_s >= 0
    """
def compare_compute(profile: Profile, platform: Platform, prices: PriceTable, memory_mb: typing.SupportsFloat | typing.SupportsIndex, config: LmiConfig, options: CompareOptions, bill_options: BillOptions = ...) -> ComputeComparison:
    """
    Prices and simulates each compute option for profile w at memory_mb (on-demand and provisioned; LMI uses its own configuration c) and picks the cheapest feasible one. Bill options bo (free tier, Savings Plan, ...) apply to on-demand and provisioned; requests_per_month comes from o. Raises ValueError for invalid inputs, or when no option is feasible
    """
def compute_bill(profile: Profile, platform: Platform, prices: PriceTable, memory_mb: typing.SupportsFloat | typing.SupportsIndex, options: BillOptions) -> MonthlyBill:
    """
    The month's bill of profile w at memory_mb. Raises ValueError for invalid options, a size off the platform's grid or below the profile's peak_memory_mb, or a price the table lacks (e.g. provisioned concurrency in a region without that price)
    """
def compute_lmi_bill(config: LmiConfig, instance_hours: typing.SupportsFloat | typing.SupportsIndex, requests: typing.SupportsFloat | typing.SupportsIndex) -> LmiBill:
    """
    The bill of instance_hours of c.instance_type and requests requests. Raises ValueError naming a negative or NaN quantity, or as validate()
    """
def constraint_words(name: str) -> str:
    """
    What failing a constraint (a name of enum_names()['constraint']) means, in words for a legend: 'over budget'; 'feasible' for none.
    """
def cpu_time_ms(work_ms: typing.SupportsFloat | typing.SupportsIndex, share: typing.SupportsFloat | typing.SupportsIndex, parallelism: typing.SupportsFloat | typing.SupportsIndex, platform: Platform) -> float:
    """
    Wall time of work_ms of CPU at one vCPU, run on parallelism threads with a CPU share share (vCPUs), under the platform's throttling rule. smooth: work / min(share, parallelism). cfs / cfs_aligned: CFS bandwidth control with quota share * period per period (see docs/model.md).
    """
def curve(profile: Profile, platform: Platform, prices: PriceTable, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None) -> CurveResult:
    """
    Warm and cold duration, billed duration, GB-seconds and the cost of one warm invocation of a profile at each memory size (batch; every size of the platform when memory_mb is None). Raises ValueError for an invalid profile or a size off the grid
    """
def curve_columns(columns: dict, platform: Platform, prices: PriceTable, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> dict:
    """
    Curves of profiles given as columns (cpu_ms, threads, io_ms, scaled_io_ms, knee_vcpu, gc_ms, ref_mb, init_ms, first_call_cpu_ms, peak_memory_mb, cv): a dict of numpy columns, 2-D (profiles x sizes) except memory_mb and vcpu.
    """
def curve_one(profile: Profile, platform: Platform, prices: PriceTable, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None) -> tuple:
    """
    The curve of one profile as a tuple of 1-D numpy arrays: memory_mb, vcpu, warm_ms, cold_ms, warm_billed_ms, gb_s, cost_usd, feasible (views into one block; the fleet kernel, so equal to a row of curve_profiles).
    """
def curve_profiles(profiles: collections.abc.Sequence, platform: Platform, prices: PriceTable, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> dict:
    """
    Curves of a sequence of Profiles: a dict of numpy columns, 2-D (profiles x sizes) except memory_mb and vcpu.
    """
def decode_visualization(url: str) -> dict:
    """
    Decodes a visualization URL (or just the part after '#'): three base64 fields separated by ';': little-endian int16 sizes, float32 durations, float32 costs. Raises ValueError naming the field when it is not valid base64, its length is not a multiple of the element size, or the counts differ
    """
def encode_visualization(memory_mb: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], duration_ms: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], cost_usd: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> str:
    """
    The inverse: "https://lambda-power-tuning.show/#<sizes>;<durations>;<costs>". Values are rounded to int16 / float32 as Power Tuning does. Raises ValueError for sizes outside int16 or mismatched lengths
    """
def enum_names() -> dict:
    """
    The canonical names of every named enum (C++ enum_traits tables), by enum: what the command line offers as choices.
    """
def fit(sweep: Sweep, platform: Platform, options: FitOptions = ...) -> FitResult:
    """
    Fits a profile to a sweep. Raises ValueError for an empty sweep, a fitting size not in the sweep, fewer than two fitting sizes, a size off the platform's grid, or bad options
    """
def fit_batch(sweeps: collections.abc.Sequence[Sweep], platform: Platform, options: FitOptions = ..., threads: typing.SupportsInt | typing.SupportsIndex = 0) -> list[FitResult]:
    """
    fit() of each sweep, split over threads (0 = every core).
    """
def gb_seconds(billed_ms: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    """
    GB-seconds of one invocation: billed_ms / 1000 * memory_mb / 1024.
    """
def lmi_assumptions(config: LmiConfig) -> list[str]:
    """
    The assumptions in force for a configuration, one line each, marked [default] or [set] (the model's assumptions() with this configuration's values).
    """
def lmi_instances_for(layout: LmiLayout, config: LmiConfig, environments: typing.SupportsInt | typing.SupportsIndex) -> int:
    """
    Instances needed for environments environments: max(min_instances, ceil(environments / environments_per_instance)).
    """
def lmi_resolve(config: LmiConfig) -> LmiLayout:
    """
    Lmi resolve: raises lmi_config::validate
    """
def lmi_work_of(profile: Profile, config: LmiConfig) -> LmiRequestWork:
    """
    The CPU and I/O work of one request of the profile in an LMI execution environment (LmiRequestWork). Raises ValueError for an invalid profile
    """
def mixture_percentile(q: typing.SupportsFloat | typing.SupportsIndex, warm_ms: typing.SupportsFloat | typing.SupportsIndex, cold_ms: typing.SupportsFloat | typing.SupportsIndex, cold_fraction: typing.SupportsFloat | typing.SupportsIndex, cv: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    The latency percentile q (in (0, 1)) of a mixture of warm and cold requests whose durations are warm_ms and cold_ms times a lognormal factor of mean 1 and relative variability cv (as the simulator draws them): the smallest x with (1 - cold_fraction) F_warm(x) + cold_fraction F_cold(x) >= q. Raises ValueError unless 0 < q < 1, 0 <= cold_fraction <= 1, cv >= 0, 0 < warm_ms <= cold_ms
    """
def overflow_fraction(rate_per_s: typing.SupportsFloat | typing.SupportsIndex, mean_ms: typing.SupportsFloat | typing.SupportsIndex, provisioned: typing.SupportsInt | typing.SupportsIndex) -> float:
    """
    The fraction of Poisson arrivals finding all n provisioned instances busy: Erlang B with n servers and offered load rate * mean (1 for n = 0).
    """
def plan_lmi(profile: Profile, config: LmiConfig, requests_per_month: typing.SupportsFloat | typing.SupportsIndex, peak_to_mean: typing.SupportsFloat | typing.SupportsIndex = 1.0, month_hours: typing.SupportsFloat | typing.SupportsIndex = 730.0) -> LmiPlan:
    """
    The LMI capacity plan for a month of traffic: environments and instances for peak_to_mean times the mean rate, bound by CPU or concurrency, and its bill (LmiPlan). Raises ValueError unless requests_per_month >= 0, peak_to_mean >= 1, month_hours in (0, 744]; or as validate()
    """
def platform_in_force(date: str) -> Platform:
    """
    The newest platform model (models/*.json) whose effective_date is on or before date (YYYY-MM-DD): aws-lambda-2020 before 2020-12-01, aws-lambda from then on. Raises ValueError for a date not of the form YYYY-MM-DD
    """
def powertuning_base_usd_per_ms(region: str, arch: str) -> float:
    """
    Power Tuning's base price (USD per ms at its minRAM, 128 MB) for a region and architecture from models/; like Power Tuning, a region it does not list gets its "default" price.
    """
def powertuning_min_ram_mb() -> float:
    """
    Power Tuning's minRAM (128 MB) from models/.
    """
def powertuning_power_values_mb() -> list[float]:
    """
    Power Tuning's default powerValues (the sizes it tries when an execution names none) from models/.
    """
def powertuning_price(average_billed_ms: typing.SupportsFloat | typing.SupportsIndex, memory_mb: typing.SupportsFloat | typing.SupportsIndex, base_usd_per_ms: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    Power Tuning's utils.computePrice: ceil(average_billed_ms) * base * (memory / minRAM), evaluated in that order (so the double result equals Power Tuning's). Raises ValueError unless average_billed_ms >= 0, memory_mb > 0, base >= 0
    """
def powertuning_statistics(duration_ms: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], billed_ms: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], memory_mb: typing.SupportsFloat | typing.SupportsIndex, base_usd_per_ms: typing.SupportsFloat | typing.SupportsIndex, discard_top_bottom: typing.SupportsFloat | typing.SupportsIndex) -> PowertuningStats:
    """
    Power Tuning's statistics of a run (its averages and costs per size, computed as Power Tuning does). Raises ValueError on a size mismatch, a negative or non-finite value, or a discard_top_bottom outside [0, 0.4]
    """
def powertuning_trimmed_mean(values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], discard_top_bottom: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    Power Tuning's trimmed mean (utils.computeAverageDuration): sort ascending, drop k = trunc(n * discard_top_bottom) values at each end, sum the rest in ascending order, divide by n - 2k. Empty input gives 0, as in Power Tuning. Raises ValueError unless discard_top_bottom is in [0, 0.4] (Power Tuning clamps to that range; lambdasim refuses instead) and every value is finite
    """
def provisioned_break_even(profile: Profile, platform: Platform, prices: PriceTable, memory_mb: typing.SupportsFloat | typing.SupportsIndex, provisioned: typing.SupportsInt | typing.SupportsIndex, base: BillOptions | None = None) -> float:
    """
    Monthly requests at which n provisioned instances (enabled all month) cost the same as on demand at memory_mb, with cold fractions from closed_form_cold_fraction; NaN when provisioned never pays below 1e12 requests a month. Raises compute_bill
    """
def provisioned_for_peak(peak_rate_per_s: typing.SupportsFloat | typing.SupportsIndex, warm_ms: typing.SupportsFloat | typing.SupportsIndex) -> int:
    """
    Provisioned concurrency held for a peak: concurrency at the peak rate is Poisson (M/G/inf) with mean a = rate x warm duration; hold ceil(a + 3 sqrt(a)) (its 99.87 % quantile in the normal approximation), at least 1. Raises ValueError unless both are >= 0 and finite
    """
def recommend(profile: Profile, platform: Platform, options: RecommendOptions, progress: collections.abc.Callable | None = None) -> Recommendation:
    """
    Recommends a configuration of w. progress(done, total), in simulated requests, is called once with done = 0 before the first traffic simulation (only when the recommendation simulates) and after each. Raises ValueError for bad options, or an impossible constraint: the message names the constraint and the best value any configuration reaches
    """
def recommend_columns(columns: dict, platform: Platform, options: RecommendOptions, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> dict:
    """
    Recommendations of profiles given as columns (PROFILE_COLUMNS): as recommend_profiles.
    """
def recommend_profiles(profiles: collections.abc.Sequence, platform: Platform, options: RecommendOptions, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> dict:
    """
    Recommendations of a sequence of Profiles: a dict of per-profile columns (the choice's figures, arch, compute, decided_by, reason, error) and results (the Recommendation of each).
    """
def simulate(profile: Profile, platform: Platform, arrivals: Arrivals, options: SimulateOptions, progress: collections.abc.Callable | None = None) -> SimulationResult:
    """
    Simulates the arrivals against the platform's instance pool, with warm and cold durations of the profile at opt.memory_mb (predict.hpp) times a lognormal factor of mean 1 and the profile's cv. Reproducible bit for bit for a given seed, whatever the thread count. Raises ValueError for an invalid profile, platform, arrivals or option
    """
def simulate_batch(profile: Profile, platform: Platform, arrivals: collections.abc.Sequence[Arrivals], options: collections.abc.Sequence[SimulateOptions], threads: typing.SupportsInt | typing.SupportsIndex = 0) -> list[SimulationResult]:
    """
    simulate() of each (arrivals, options) pair, split over threads (0 = every core).
    """
def simulate_lmi(profile: Profile, arrivals: Arrivals, config: LmiConfig, options: LmiSimulateOptions = ...) -> LmiSimulationResult:
    """
    Discrete-event simulation of LMI: requests share their environment's vCPUs (processor sharing: n requests in their CPU phase on c vCPUs each progress at min(1, c/n)); I/O waits consume no CPU; a request goes to the ready environment with the fewest requests in flight, or is throttled when all are at their concurrency limit (never cold-started); every scaling interval, the environment count moves towards what CPU utilisation and concurrency need at the CPU target, growing at most by 2^(interval / doubling) (so never more than doubling per doubling time), new environments ready after the start-up lag, draining after the scale-in cooldown; instances hold the environments (the minimum footprint always). Per-request work varies by the profile's cv (lognormal, mean 1). Seeded, reproducible bit for bit. Raises ValueError for an invalid profile, arrivals or option
    """
def simulated_bill(result: SimulationResult, profile: Profile, platform: Platform, prices: PriceTable, options: BillOptions = ..., month_hours: typing.SupportsFloat | typing.SupportsIndex = 730.485) -> MonthlyBill:
    """
    The month's bill (bill.hpp) of what was simulated: the served requests per period scaled to month_hours, the simulated cold fraction of on-demand requests, the provisioned concurrency enabled all month and the simulated share of requests it served. Every other bill option (free tier, storage, date, ...) is taken from o. Throttled requests are not billed. Raises ValueError as compute_bill, or unless 0 < month_hours <= 744
    """
def simulated_lmi_bill(result: LmiSimulationResult, month_hours: typing.SupportsFloat | typing.SupportsIndex = 730.0) -> LmiBill:
    """
    The month's bill of a simulation: instance time and served requests per period scaled to month_hours; throttled requests are not billed.
    """
def warm_ms(profile: Profile, platform: Platform, memory_mb: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    """
    Warm duration T_warm(m): the sum of the components.
    """
PROFILE_COLUMNS: tuple = ('cpu_ms', 'threads', 'io_ms', 'scaled_io_ms', 'knee_vcpu', 'gc_ms', 'ref_mb', 'init_ms', 'first_call_cpu_ms', 'peak_memory_mb', 'cv')
RECOMMEND_CHOICES: dict = {'strategy': ('cost', 'speed', 'balanced', 'knee'), 'compute': ('on-demand', 'provisioned', 'lmi'), 'arch': ('x86_64', 'arm64')}
SWEEP_LOAD_DEFAULTS: dict = {'format': 'auto', 'select': '', 'source': 'auto'}
__version__: str
mean_month_hours: float = 730.485
simulated_requests_per_s: float = 11000000.0
