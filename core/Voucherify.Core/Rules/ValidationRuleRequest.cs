using System.Text.Json.Nodes;
using Voucherify.Core.Errors;

namespace Voucherify.Core.Rules;

/// <summary>The body of POST and PUT /v1/validation-rules[/{id}].</summary>
public sealed record ValidationRuleRequest
{
    public string? Name { get; init; }

    public JsonObject? Rules { get; init; }

    public JsonObject? BundleRules { get; init; }

    public ApiErrorMessage? Error { get; init; }

    public ApplicableTo? ApplicableTo { get; init; }

    public string? Type { get; init; }

    public string? ContextType { get; init; }
}
