namespace Platform.Events.Webhooks.Deliveries;

/// <summary>The state log position up to which a subscription's deliveries are planned (Id = the subscription id).</summary>
public sealed record DeliveryCursor(string Id, long Position);
