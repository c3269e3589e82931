using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Json;
using Voucherify.Core.Metadata;

namespace Voucherify.Core.Tests.Metadata;

public sealed class MetadataSchemaCheckerTests
{
    private static MetadataSchema Schema(string properties, bool allowDefinedOnly = false) =>
        JsonSerializer.Deserialize<MetadataSchema>($$"""{"related_object":"voucher","allow_defined_only":{{(allowDefinedOnly ? "true" : "false")}},"properties":{{properties}}}""", Wire.Options)!;

    private static MetadataViolation? Check(MetadataSchema schema, string metadata, Func<string, MetadataSchema?>? nested = null) =>
        MetadataSchemaChecker.Check(schema, JsonNode.Parse(metadata), nested ?? (_ => null));

    [Theory]
    [InlineData("string", "\"text\"", "5")]
    [InlineData("number", "5.5", "\"5\"")]
    [InlineData("boolean", "true", "\"true\"")]
    [InlineData("date", "\"2024-02-29\"", "\"2023-02-29\"")]
    [InlineData("datetime", "\"2024-02-29T10:00:00Z\"", "\"2024-02-29\"")]
    [InlineData("image_url", "\"https://img.example.com/a.png\"", "\"not a url\"")]
    [InlineData("object", "{\"a\":1}", "[1]")]
    [InlineData("geopoint", "{\"latitude\":52.2,\"longitude\":21.0}", "{\"latitude\":91,\"longitude\":0}")]
    public void Each_type_accepts_its_values_and_refuses_others(string type, string good, string bad)
    {
        var schema = Schema($$$"""{"p":{"type":"{{{type}}}","array":false,"optional":true}}""");
        Assert.Null(Check(schema, $$"""{"p":{{good}}}"""));
        var violation = Check(schema, $$"""{"p":{{bad}}}""");
        Assert.Equal("p", violation?.Property);
    }

    [Fact]
    public void Arrays_check_every_element_and_refuse_a_single_value()
    {
        var schema = Schema("""{"tags":{"type":"string","array":true,"optional":true,"maxLength":3}}""");
        Assert.Null(Check(schema, """{"tags":["a","bcd"]}"""));
        Assert.Equal("tags[1]", Check(schema, """{"tags":["a","bcde"]}""")?.Property);
        Assert.Equal("tags", Check(schema, """{"tags":"a"}""")?.Property);
    }

    [Fact]
    public void Required_properties_must_be_present_and_not_null()
    {
        var schema = Schema("""{"region":{"type":"string","array":false,"optional":false}}""");
        Assert.Null(Check(schema, """{"region":"EU"}"""));
        Assert.Contains("required", Check(schema, "{}")?.Reason);
        Assert.Equal("region", Check(schema, """{"region":null}""")?.Property);
        Assert.Equal("region", MetadataSchemaChecker.Check(schema, null, _ => null)?.Property);
    }

    [Theory]
    [InlineData("\"lt\":10", "9.99", "10")]
    [InlineData("\"lte\":10", "10", "10.01")]
    [InlineData("\"gt\":0", "0.5", "0")]
    [InlineData("\"gte\":0", "0", "-1")]
    [InlineData("\"eq\":[1,2]", "2.0", "3")]
    [InlineData("\"ne\":[13]", "12", "13")]
    public void Number_constraints_hold(string constraint, string good, string bad)
    {
        var schema = Schema($$$"""{"n":{"type":"number","array":false,"optional":true,{{{constraint}}}}}""");
        Assert.Null(Check(schema, $$"""{"n":{{good}}}"""));
        Assert.Equal("n", Check(schema, $$"""{"n":{{bad}}}""")?.Property);
    }

    [Theory]
    [InlineData("\"minLength\":2", "\"ab\"", "\"a\"")]
    [InlineData("\"maxLength\":2", "\"ab\"", "\"abc\"")]
    [InlineData("\"exactLength\":3", "\"abc\"", "\"ab\"")]
    [InlineData("\"eq\":[\"gold\",\"silver\"]", "\"gold\"", "\"bronze\"")]
    [InlineData("\"ne\":[\"banned\"]", "\"fine\"", "\"banned\"")]
    public void String_constraints_hold(string constraint, string good, string bad)
    {
        var schema = Schema($$$"""{"s":{"type":"string","array":false,"optional":true,{{{constraint}}}}}""");
        Assert.Null(Check(schema, $$"""{"s":{{good}}}"""));
        Assert.Equal("s", Check(schema, $$"""{"s":{{bad}}}""")?.Property);
    }

    [Fact]
    public void Allow_defined_only_refuses_unknown_keys_and_deleted_definitions_constrain_nothing()
    {
        var open = Schema("""{"a":{"type":"number","array":false,"optional":true},"old":{"type":"number","array":false,"optional":false,"deleted":true}}""");
        Assert.Null(Check(open, """{"a":1,"extra":"x","old":"text"}"""));
        var closed = Schema("""{"a":{"type":"number","array":false,"optional":true}}""", allowDefinedOnly: true);
        Assert.Equal("extra", Check(closed, """{"a":1,"extra":"x"}""")?.Property);
    }

    [Fact]
    public void Nested_objects_obey_the_custom_schema_they_name()
    {
        var parent = Schema("""{"box":{"type":"object","array":false,"optional":true,"objectType":"Box"}}""");
        var box = JsonSerializer.Deserialize<MetadataSchema>("""{"related_object":"Box","properties":{"size":{"type":"number","array":false,"optional":false}}}""", Wire.Options)!;
        Assert.Null(Check(parent, """{"box":{"size":3}}""", name => name == "Box" ? box : null));
        Assert.Equal("box.size", Check(parent, """{"box":{}}""", name => name == "Box" ? box : null)?.Property);
    }
}
