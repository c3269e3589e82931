using Voucherify.Core.Ids;
using Voucherify.Core.Projects;
using Voucherify.Core.Sourced;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Products;

/// <summary>
/// A product is stored under its id (prod_...). The body is the wire object as GET returns it, so readers elsewhere (the rule engine) read the
/// contract's field names. A second small document per source_id ({"id": the product id}) makes source ids unique
/// (a create conflict) and resolves them with a point read.
/// </summary>
public static class ProductKeys
{
    public const string Kind = "product";
    public const string SourceKind = "product_source";

    public static DocumentKey For(Project project, string id) => new(project.Id, Kind, id, id);

    public static DocumentKey ForSource(Project project, string sourceId) => new(project.Id, SourceKind, sourceId, sourceId);

    public static readonly SourcedKind Sourced = new("product", "product", IdPrefixes.Product, 18, For, ForSource);
}
