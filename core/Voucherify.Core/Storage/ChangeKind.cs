namespace Voucherify.Core.Storage;

public enum ChangeKind
{
    Created,
    Replaced,
    Patched,
    Deleted,
}
