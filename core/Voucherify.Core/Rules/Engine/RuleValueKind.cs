namespace Voucherify.Core.Rules.Engine;

public enum RuleValueKind : byte
{
    Missing,
    Number,
    Text,
    Boolean,
    List,
    Reference,
}
