namespace Voucherify.Core.Storage;

public enum AtomicWriteOutcome
{
    Committed,

    /// <summary>A patch's guard did not hold.</summary>
    ConditionFailed,

    /// <summary>A patch named a document that does not exist.</summary>
    NotFound,

    /// <summary>A create named a key that is taken.</summary>
    Conflict,
}
