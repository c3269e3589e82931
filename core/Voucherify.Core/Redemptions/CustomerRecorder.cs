using System.Text.Json.Nodes;
using Voucherify.Core.Customers;
using Voucherify.Core.Projects;
using Voucherify.Core.Validations;

namespace Voucherify.Core.Redemptions;

/// <summary>
/// A redemption that carries a customer upserts it (by id, else source_id) before anything else is written, so a
/// refused customer (bad fields, metadata against the schema) stops the redemption before it takes a use, and the
/// records that follow name the stored customer's id.
/// </summary>
public sealed class CustomerRecorder(CustomerService customers)
{
    public async Task<VoucherValidationRequest> UpsertAsync(Project project, VoucherValidationRequest request, CancellationToken cancellationToken)
    {
        if (request.Customer is not { Count: > 0 } customer)
        {
            return request;
        }

        var stored = await customers.UpsertAsync(project, customer, cancellationToken);
        var linked = customer.DeepClone().AsObject();
        linked["id"] = stored.Key.Id;
        linked["source_id"] = stored.Body["source_id"]?.DeepClone();
        linked["object"] = "customer";
        return request with { Customer = linked };
    }
}
