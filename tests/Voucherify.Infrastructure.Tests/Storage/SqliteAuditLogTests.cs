using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.Audit;
using Voucherify.Core.Customers;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>The audit trail served from the SQLite change log: one object's writes in order, paged, nothing derived.</summary>
public sealed class SqliteAuditLogTests : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly SqliteDocumentStore store;
    private readonly SqliteAuditLog audit;
    private readonly Project project = new("proj_1", "Project", TimeZoneInfo.Utc);

    public SqliteAuditLogTests()
    {
        store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)));
        audit = new SqliteAuditLog(store);
    }

    public void Dispose()
    {
        store.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task An_objects_writes_are_listed_in_order_and_paged_with_the_ids_the_audit_handler_would_give()
    {
        var voucher = new DocumentKey(project.Id, "voucher", "camp_1", "SAME");
        await store.CreateAsync(new NewDocument(voucher, new JsonObject { ["n"] = 0 }));
        await store.PatchAsync(voucher, [PatchOperation.Increment("n", 1)]);
        await store.CreateAsync(new NewDocument(new DocumentKey(project.Id, CustomerSummaryKeys.Kind, "SAME", "SAME"), new JsonObject()));
        await store.CreateAsync(new NewDocument(new DocumentKey(project.Id, "campaign", "SAME", "SAME"), new JsonObject()));
        await store.CreateAsync(new NewDocument(new DocumentKey("proj_2", "voucher", "camp_1", "SAME"), new JsonObject()));
        await store.DeleteAsync(voucher);
        var logged = (await store.ReadChangesAsync(null, 100)).Changes;

        var first = await audit.ListAsync(project, "SAME", "voucher", null, 2, CancellationToken.None);
        var rest = await audit.ListAsync(project, "SAME", "voucher", first.Entries[^1].Sequence, 2, CancellationToken.None);
        var anyKind = await audit.ListAsync(project, "SAME", null, null, 100, CancellationToken.None);

        Assert.Equal((3, true), (first.Total, first.HasMore));
        Assert.Equal(["created", "patched"], first.Entries.Select(e => e.Change));
        Assert.Equal(1, first.Entries[1].Data!["n"]!.GetValue<int>());
        var deleted = Assert.Single(rest.Entries);
        Assert.Equal(("deleted", null, false), (deleted.Change, deleted.Data, rest.HasMore));
        Assert.Equal(["voucher", "voucher", "campaign", "voucher"], anyKind.Entries.Select(e => e.ObjectType));
        Assert.Equal(
            logged.Where(c => c.Key.ProjectId == project.Id && c.Key.Kind is "voucher" or "campaign").Select(AuditTrailHandler.Of).Select(e => e.Id),
            anyKind.Entries.Select(e => e.Id));
    }
}
