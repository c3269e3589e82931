namespace Voucherify.Core.Rules;

/// <summary>The body of POST /v1/validation-rules/{id}/assignments.</summary>
public sealed record AssignmentRequest
{
    public string? RelatedObjectType { get; init; }

    public string? RelatedObjectId { get; init; }
}
