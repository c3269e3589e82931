using System.Numerics;
using System.Security.Cryptography;
using Voucherify.Core.Errors;

namespace Voucherify.Core.Vouchers.Codes;

/// <summary>
/// Makes random codes from a <see cref="CodeConfig"/> with the cryptographic RNG, so codes cannot be
/// predicted from ones already seen. Random bytes are fetched in blocks and mapped to the charset by
/// rejection sampling, which keeps every character equally likely and a million codes well under a
/// second. Not thread-safe: make one generator per batch (construction is cheap).
/// </summary>
public sealed class CodeGenerator
{
    private const int BlockSize = 8192;

    private readonly CodeTemplate template;
    private readonly uint acceptBelow;
    private readonly int[]? byteTable;
    private readonly byte[] block = new byte[BlockSize];
    private int position = BlockSize;

    /// <exception cref="ApiException">400 invalid_payload when the config cannot make codes.</exception>
    public CodeGenerator(CodeConfig? config = null)
    {
        template = CodeTemplate.From(config);
        var size = (uint)template.Alphabet.Length;
        var range = size > 256 ? 65536u : 256u;
        acceptBelow = range - (range % size);
        byteTable = size > 256 ? null : ByteTable(template.Alphabet, acceptBelow);
        Capacity = BigInteger.Pow(size, template.Slots.Length);
    }

    /// <summary>How many distinct codes the config can make.</summary>
    public BigInteger Capacity { get; }

    /// <summary>Characters drawn at random per code (the '#'s of the pattern, or the length).</summary>
    public int RandomLength => template.Slots.Length;

    /// <summary>Throws unless the config is valid; for create and update paths that only store it.</summary>
    /// <exception cref="ApiException">400 invalid_payload.</exception>
    public static void Validate(CodeConfig? config) => CodeTemplate.From(config);

    /// <summary>
    /// Refuses a request for more than half the codes the config can make: random draws start
    /// colliding long before the space is full, and the caller would spin instead of answering.
    /// </summary>
    /// <exception cref="ApiException">400 invalid_payload.</exception>
    public void EnsureCanProduce(long count)
    {
        if (count > Capacity / 2)
        {
            throw Problems.InvalidPayload(
                $"code_config can make only {Capacity} distinct codes, too few for {count} vouchers; use a longer code or a larger charset");
        }
    }

    public string Next() => string.Create(template.Characters.Length, this, static (code, generator) => generator.Fill(code));

    /// <summary>Byte → character, or -1 for the few high bytes rejected so that every character stays equally likely.</summary>
    private static int[] ByteTable(char[] alphabet, uint acceptBelow) =>
        Enumerable.Range(0, 256).Select(b => b < acceptBelow ? alphabet[b % alphabet.Length] : -1).ToArray();

    private void Fill(Span<char> code)
    {
        template.Characters.CopyTo(code);
        var slots = template.Slots;
        for (var i = 0; i < slots.Length; i++)
        {
            code[slots[i]] = byteTable is null ? NextWideChar() : NextNarrowChar(byteTable);
        }
    }

    private char NextNarrowChar(int[] table)
    {
        while (true)
        {
            var character = table[NextByte()];
            if (character >= 0)
            {
                return (char)character;
            }
        }
    }

    private char NextWideChar()
    {
        while (true)
        {
            var draw = (uint)(NextByte() << 8) | NextByte();
            if (draw < acceptBelow)
            {
                return template.Alphabet[(int)(draw % (uint)template.Alphabet.Length)];
            }
        }
    }

    private byte NextByte()
    {
        if (position == BlockSize)
        {
            RandomNumberGenerator.Fill(block);
            position = 0;
        }

        return block[position++];
    }
}
