namespace Voucherify.Core.AsyncActions;

public static class AsyncActionTypes
{
    public const string CampaignVouchersGenerate = "CAMPAIGN.VOUCHERS_GENERATE";
    public const string CampaignVouchersUpdate = "CAMPAIGN.VOUCHERS_UPDATE";
    public const string CampaignVouchersDelete = "CAMPAIGN.VOUCHERS_DELETE";
    public const string CampaignVouchersImport = "CAMPAIGN.VOUCHERS_IMPORT";
    public const string VouchersImport = "VOUCHERS.IMPORT";
}
