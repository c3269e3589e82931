using Voucherify.Core.Storage;

namespace Voucherify.Core.Metadata;

/// <summary>One schema per project and object type, stored under the type's name, so a write's check is one point read.</summary>
public static class MetadataSchemaKeys
{
    public const string Kind = "metadata_schema";

    public static DocumentKey For(string projectId, string relatedObject) => new(projectId, Kind, relatedObject, relatedObject);
}
