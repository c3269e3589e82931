namespace Voucherify.Core.Metadata;

/// <summary>The first property of a metadata object that breaks its schema, and why.</summary>
public sealed record MetadataViolation(string Property, string Reason)
{
    public string Describe(string relatedObject) => $"Metadata of {relatedObject}: property '{Property}' {Reason}.";
}
