using System.Text.Json;
using System.Text.Json.Serialization;
using Voucherify.Core.Validations;

namespace Voucherify.Core.Json;

/// <summary>
/// Source-generated writers for the answers a checkout asks for on every order, in the shape <see cref="Wire.Options"/>
/// gives them (a test compares the bytes). Only the generator's fast path is used (<see cref="WireFastPath"/>): its
/// metadata would be no faster than the reflection serializer's.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(VoucherValidationResponse))]
internal sealed partial class WireAnswers : JsonSerializerContext;
