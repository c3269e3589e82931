using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Voucherify.Core.Validations;

namespace Voucherify.Core.Json;

/// <summary>
/// Writes the validate answer with the source generator's fast path: straight calls to a <see cref="Utf8JsonWriter"/>
/// instead of the reflection serializer's loop over every property of every object, ~1 µs of the ~2.3 µs an answer
/// took. The serializer itself would not take the fast path with <see cref="Wire.Options"/> (it has converters and an
/// encoder), so the writer is made here with the wire's encoder; nested objects the generator could not write fast
/// (the discount, whose amounts have a converter for reading) go through their metadata as before.
/// </summary>
public static class WireFastPath
{
    private const int InitialBytes = 1024;
    private const int KeptBytes = 64 * 1024;

    private static readonly Action<Utf8JsonWriter, VoucherValidationResponse>? ValidationAnswer =
        WireAnswers.Default.VoucherValidationResponse.SerializeHandler;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Wire.Options.Encoder,
        MaxDepth = Wire.Options.MaxDepth,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? perThread;

    /// <summary>
    /// Whether the body has a fast writer; if so, its bytes in this thread's buffer, which the thread's next call
    /// overwrites: copy them out before anything awaits. An answer's own array would be one more allocation per validate.
    /// </summary>
    public static bool TrySerialize(object body, out ReadOnlySpan<byte> json)
    {
        if (body is not VoucherValidationResponse answer || ValidationAnswer is not { } write)
        {
            json = default;
            return false;
        }

        var (buffer, writer) = perThread ??= (new ArrayBufferWriter<byte>(InitialBytes), new Utf8JsonWriter(Stream.Null, WriterOptions));
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer, answer);
        writer.Flush();
        json = buffer.WrittenSpan;

        // A rare large answer (an order of thousands of lines) does not keep its buffer on the thread for good; the span
        // still holds the array until the caller has copied it.
        if (buffer.Capacity > KeptBytes)
        {
            perThread = null;
        }

        return true;
    }
}
