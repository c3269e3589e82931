using Voucherify.Core.Ids;
using Voucherify.Core.Projects;
using Voucherify.Core.Sourced;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Products;

/// <summary>
/// A SKU is stored under its own id (sku_...), so an order item naming only sku_id is one point read; its body carries product_id. The body is the wire object as GET returns it, so readers elsewhere (the rule engine) read the
/// contract's field names. A second small document per source_id ({"id": the sku id}) makes source ids unique
/// (a create conflict) and resolves them with a point read.
/// </summary>
public static class SkuKeys
{
    public const string Kind = "sku";
    public const string SourceKind = "sku_source";

    public static DocumentKey For(Project project, string id) => new(project.Id, Kind, id, id);

    public static DocumentKey ForSource(Project project, string sourceId) => new(project.Id, SourceKind, sourceId, sourceId);

    public static readonly SourcedKind Sourced = new("sku", "sku", IdPrefixes.Sku, 18, For, ForSource);
}
