using Voucherify.Core.Ids;

namespace Voucherify.Core.Tests.Ids;

public sealed class IdGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    // Labels (request ids) draw their random part from another generator and must behave alike.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ids_made_later_sort_after_earlier_ones_in_ordinal_order(bool label)
    {
        // Across every step where a lower digit carries over, in both alphabets' awkward places (9 → A, Z → a).
        var stamps = new IdStamps();
        var ids = Enumerable.Range(0, 5000)
            .Select(step => IdGenerator.New("r_", 18, Start.AddMilliseconds(step * 37L), stamps, label))
            .ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ids_made_in_the_same_millisecond_differ(bool label)
    {
        var stamps = new IdStamps();
        var ids = Enumerable.Range(0, 10_000).Select(_ => IdGenerator.New("r_", 18, Start, stamps, label)).ToList();

        Assert.Equal(10_000, ids.Distinct().Count());
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    // Lists ordered by created_at (millisecond resolution) break ties by id, so rows made in one millisecond list in the order made.
    [Fact]
    public void Ids_made_in_the_same_millisecond_keep_the_time_and_count_up_after_it()
    {
        var stamps = new IdStamps();
        var earlier = IdGenerator.New("r_", 18, Start.AddMilliseconds(-1), stamps);
        var ids = Enumerable.Range(0, 3).Select(_ => IdGenerator.New("r_", 18, Start, stamps)).ToList();

        Assert.All(ids, id => Assert.NotEqual(earlier[2..10], id[2..10]));
        Assert.Single(ids.Select(id => id[2..10]).Distinct());
        Assert.Equal(["000", "001", "002"], ids.Select(id => id[10..13]));
    }

    [Fact]
    public void Ids_keep_sorting_in_the_order_made_when_the_clock_steps_back()
    {
        var stamps = new IdStamps();
        var ids = new[] { Start, Start.AddSeconds(-5), Start.AddMilliseconds(-1), Start.AddMilliseconds(1) }
            .Select(now => IdGenerator.New("r_", 18, now, stamps))
            .ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids[0][2..10], ids[2][2..10]);
    }

    [Fact]
    public async Task Ids_made_at_once_on_many_threads_are_distinct_and_each_threads_own_sort_in_the_order_made()
    {
        var stamps = new IdStamps();
        var perThread = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => Enumerable.Range(0, 5_000).Select(_ => IdGenerator.New("r_", 18, Start, stamps)).ToList())));

        Assert.Equal(40_000, perThread.SelectMany(ids => ids).Distinct().Count());
        Assert.All(perThread, ids => Assert.Equal(ids, ids.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("r_", 18)]
    [InlineData("v_", 32)]
    [InlineData("val_", 12)]
    public void Ids_have_the_prefix_and_length_asked_for_in_letters_and_digits(string prefix, int length)
    {
        foreach (var id in new[] { IdGenerator.New(prefix, length), IdGenerator.NewLabel(prefix, length) })
        {
            Assert.StartsWith(prefix, id);
            Assert.Equal(prefix.Length + length, id.Length);
            Assert.All(id[prefix.Length..], c => Assert.True(char.IsAsciiLetterOrDigit(c), $"'{c}' in {id}"));
        }
    }

    [Fact]
    public void Short_ids_stay_wholly_random()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => IdGenerator.New("val_", 12, Start, new IdStamps())).ToList();

        Assert.True(ids.Select(id => id[4..12]).Distinct().Count() > 190, "short ids should not share a time prefix");
    }
}
