namespace Voucherify.Core.Storage;

public enum PatchOutcome
{
    Applied,
    NotFound,
    ConditionFailed,
}
