using Voucherify.Core.Caching;

namespace Voucherify.Core.Tests.Caching;

public sealed class BoundedMapTests
{
    [Fact]
    public void An_entry_is_replaced_and_removed_and_the_bound_starts_the_map_over()
    {
        var map = new BoundedMap<string, int>(3);
        map.Set("a", 1);
        map.Set("a", 2);
        map.Set("b", 3);

        Assert.True(map.TryGet("a", out var a));
        Assert.Equal(2, a);
        map.Remove("a");
        Assert.False(map.TryGet("a", out _));
        Assert.True(map.TryGet("b", out _));

        // The fourth set passes the bound: everything before it is forgotten, the new entry kept.
        map.Set("c", 4);
        Assert.False(map.TryGet("b", out _));
        Assert.True(map.TryGet("c", out var c));
        Assert.Equal(4, c);
    }
}
