using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Vouchers;

/// <summary>Resolves {code} path values: a code (one point read) or a v_ id (an indexed query).</summary>
public sealed class VoucherLookup(IDocumentStore store)
{
    public async ValueTask<StoredDocument?> FindAsync(Project project, string codeOrId, CancellationToken cancellationToken)
    {
        var byCode = await store.GetAsync(VoucherKeys.For(project, codeOrId), cancellationToken);
        if (byCode is not null || !codeOrId.StartsWith(IdPrefixes.Voucher, StringComparison.Ordinal))
        {
            return byCode;
        }

        var query = new DocumentQuery(project.Id, VoucherKeys.Kind) { Where = [Condition.Eq("id", codeOrId)], PageSize = 1 };
        var page = await store.QueryAsync(query, cancellationToken);
        return page.Items.FirstOrDefault();
    }

    public async ValueTask<StoredDocument> GetAsync(Project project, string codeOrId, CancellationToken cancellationToken) =>
        await FindAsync(project, codeOrId, cancellationToken) ?? throw Problems.NotFound("voucher", codeOrId);
}
