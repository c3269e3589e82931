namespace Voucherify.Core.Ids;

public static class IdPrefixes
{
    public const string Voucher = "v_";
    public const string Campaign = "camp_";
    public const string Redemption = "r_";
    public const string FailedRedemption = "rf_";
    public const string Rollback = "rr_";
    public const string AsyncAction = "aa_";
    public const string Tracking = "track_";
    public const string Validation = "valid_";
    public const string Request = "v-";
    public const string Customer = "cust_";
    public const string Product = "prod_";
    public const string Sku = "sku_";
    public const string Order = "ord_";
    public const string MetadataSchema = "ms_";
}
