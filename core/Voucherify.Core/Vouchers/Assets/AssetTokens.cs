using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Voucherify.Core.Caching;

namespace Voucherify.Core.Vouchers.Assets;

/// <summary>
/// The opaque ids of asset links: project id and voucher code encrypted and authenticated with
/// AES-GCM under a key derived from the configured signing key, in URL-safe base64. Links are public
/// (printed on coupons), so an id must neither reveal the code nor be forgeable, or anyone could
/// enumerate codes by asking for images. The nonce is derived from the content (synthetic IV), so a
/// voucher keeps the same ids on every read while no two different codes ever share a nonce. The
/// asset kind is authenticated too: a QR id does not open the barcode.
/// </summary>
public sealed class AssetTokens
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int MaxTokenLength = 2048;
    private static readonly byte[] KeyPurpose = "voucherify asset tokens v1"u8.ToArray();

    // Every voucher in a response carries two tokens, and each costs an HMAC and an AES-GCM key schedule (a tenth of a
    // voucher read's CPU in profiles). A token depends only on its inputs, so those already made are kept; the bound
    // only caps memory, and starting over is correct, just slower for a while.
    private const int MaxRemembered = 100_000;

    private readonly byte[] encryptionKey;
    private readonly byte[] nonceKey;
    private readonly BoundedMemo<(AssetKind Kind, string ProjectId, string Code), string> made;

    public AssetTokens(string signingKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingKey);
        var keys = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingKey), 64, salt: null, info: KeyPurpose);
        encryptionKey = keys[..32];
        nonceKey = keys[32..];
        made = new(MaxRemembered, inputs => Make(inputs.Kind, inputs.ProjectId, inputs.Code));
    }

    public string Create(AssetKind kind, string projectId, string code) => made.Get((kind, projectId, code));

    private string Make(AssetKind kind, string projectId, string code)
    {
        var plain = Payload(projectId, code);
        var associated = Associated(kind);
        var token = new byte[1 + NonceSize + plain.Length + TagSize];
        token[0] = Version;
        var nonce = token.AsSpan(1, NonceSize);
        HMACSHA256.HashData(nonceKey, associated.Concat(plain).ToArray()).AsSpan(0, NonceSize).CopyTo(nonce);
        using var aes = new AesGcm(encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, token.AsSpan(1 + NonceSize, plain.Length), token.AsSpan(^TagSize), associated);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The project and code the token was made for, or null for anything this key did not make.</summary>
    public AssetSubject? Read(AssetKind kind, string? token)
    {
        var bytes = Decode(token);
        if (bytes is null || bytes.Length < 1 + NonceSize + 2 + TagSize || bytes[0] != Version)
        {
            return null;
        }

        var plain = new byte[bytes.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(encryptionKey, TagSize);
            aes.Decrypt(bytes.AsSpan(1, NonceSize), bytes.AsSpan(1 + NonceSize, plain.Length), bytes.AsSpan(^TagSize), plain, Associated(kind));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Subject(plain);
    }

    private static byte[]? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        return Base64Url.DecodeFromChars(token);
    }

    private static byte[] Associated(AssetKind kind) => [Version, (byte)kind];

    private static byte[] Payload(string projectId, string code)
    {
        var project = Encoding.UTF8.GetBytes(projectId);
        var payload = new byte[2 + project.Length + Encoding.UTF8.GetByteCount(code)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, checked((ushort)project.Length));
        project.CopyTo(payload, 2);
        Encoding.UTF8.GetBytes(code, payload.AsSpan(2 + project.Length));
        return payload;
    }

    private static AssetSubject? Subject(byte[] plain)
    {
        var projectLength = BinaryPrimitives.ReadUInt16BigEndian(plain);
        return projectLength > plain.Length - 2
            ? null
            : new AssetSubject(Encoding.UTF8.GetString(plain, 2, projectLength), Encoding.UTF8.GetString(plain, 2 + projectLength, plain.Length - 2 - projectLength));
    }
}
