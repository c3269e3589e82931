namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>The change feed contract on SQLite: the polling processor over the store's change log.</summary>
public sealed class SqliteChangeFeedProcessorTests : ChangeFeedProcessorContract
{
    protected override FeedFixture CreateFeed() => new SqliteFeedFixture();
}
