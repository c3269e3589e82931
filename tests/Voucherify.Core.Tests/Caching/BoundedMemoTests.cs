using Voucherify.Core.Caching;

namespace Voucherify.Core.Tests.Caching;

public sealed class BoundedMemoTests
{
    [Fact]
    public void A_value_is_made_once_per_key_until_the_bound_is_passed_and_then_made_again()
    {
        var made = new List<int>();
        string Make(int key)
        {
            made.Add(key);
            return $"v{key}";
        }

        var memo = new BoundedMemo<int, string>(3, Make);

        Assert.Equal("v1", memo.Get(1));
        Assert.Equal("v1", memo.Get(1));
        Assert.Equal("v2", memo.Get(2));
        Assert.Equal("v3", memo.Get(3));
        Assert.Equal([1, 2, 3], made);

        // The fourth value passes the bound: the memo starts over, still answering right.
        Assert.Equal("v4", memo.Get(4));
        Assert.Equal("v1", memo.Get(1));
        Assert.Equal([1, 2, 3, 4, 1], made);
        Assert.Equal("v4", memo.Get(4));
        Assert.Equal([1, 2, 3, 4, 1], made);
    }

    [Fact]
    public async Task Concurrent_callers_all_get_the_value_of_their_key()
    {
        var memo = new BoundedMemo<int, string>(50, key => $"v{key}");
        var answers = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => Task.Run(() => (Key: i % 80, Value: memo.Get(i % 80)))));
        Assert.All(answers, answer => Assert.Equal($"v{answer.Key}", answer.Value));
    }
}
