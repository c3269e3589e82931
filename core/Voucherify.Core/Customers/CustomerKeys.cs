using Voucherify.Core.Ids;
using Voucherify.Core.Projects;
using Voucherify.Core.Sourced;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// A customer is stored under its id (cust_...). The body is the wire object as GET returns it, so readers elsewhere (the rule engine) read the
/// contract's field names. A second small document per source_id ({"id": the customer id}) makes source ids unique
/// (a create conflict) and resolves them with a point read.
/// </summary>
public static class CustomerKeys
{
    public const string Kind = "customer";
    public const string SourceKind = "customer_source";

    public static DocumentKey For(Project project, string id) => new(project.Id, Kind, id, id);

    public static DocumentKey ForSource(Project project, string sourceId) => new(project.Id, SourceKind, sourceId, sourceId);

    public static readonly SourcedKind Sourced = new("customer", "customer", IdPrefixes.Customer, 24, For, ForSource);
}
