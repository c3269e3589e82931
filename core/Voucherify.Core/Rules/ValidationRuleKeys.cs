using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Rules;

/// <summary>Rules under their id; assignments in the partition of the voucher or campaign they attach to.</summary>
public static class ValidationRuleKeys
{
    public const string Kind = "validation_rule";
    public const string AssignmentKind = "validation_rule_assignment";
    public const string RulePrefix = "val_";
    public const string AssignmentPrefix = "asgm_";

    public static DocumentKey For(Project project, string id) => new(project.Id, Kind, id, id);

    public static DocumentKey Assignment(Project project, string relatedObjectId, string id) => new(project.Id, AssignmentKind, relatedObjectId, id);
}
