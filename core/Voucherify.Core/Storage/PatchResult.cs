namespace Voucherify.Core.Storage;

public sealed record PatchResult(PatchOutcome Outcome, StoredDocument? Document)
{
    public static PatchResult NotFound { get; } = new(PatchOutcome.NotFound, null);

    public static PatchResult ConditionFailed { get; } = new(PatchOutcome.ConditionFailed, null);

    public static PatchResult Applied(StoredDocument document) => new(PatchOutcome.Applied, document);
}
