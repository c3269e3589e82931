using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Sourced;

/// <summary>
/// An object kind addressed by its own id or by the merchant's source_id (customers, products, SKUs, orders):
/// where its documents live, what errors call it, how its ids are made and which metadata schema its writes obey.
/// </summary>
public sealed record SourcedKind(
    string ResourceType,
    string MetadataObject,
    string IdPrefix,
    int IdLength,
    Func<Project, string, DocumentKey> For,
    Func<Project, string, DocumentKey> ForSource);
