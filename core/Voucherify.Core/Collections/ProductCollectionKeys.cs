using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Collections;

/// <summary>A product collection is stored under its id (pc_...), its body the wire object.</summary>
public static class ProductCollectionKeys
{
    public const string Kind = "products_collection";
    public const string Prefix = "pc_";

    public static DocumentKey For(Project project, string id) => new(project.Id, Kind, id, id);
}
