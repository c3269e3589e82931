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
        var ids = Enumerable.Range(0, 5000)
            .Select(step => IdGenerator.New("r_", 18, Start.AddMilliseconds(step * 37L), label))
            .ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ids_made_in_the_same_millisecond_differ(bool label)
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => IdGenerator.New("r_", 18, Start, label)).ToHashSet();

        Assert.Equal(10_000, ids.Count);
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
        var ids = Enumerable.Range(0, 200).Select(_ => IdGenerator.New("val_", 12, Start)).ToList();

        Assert.True(ids.Select(id => id[4..12]).Distinct().Count() > 190, "short ids should not share a time prefix");
    }
}
