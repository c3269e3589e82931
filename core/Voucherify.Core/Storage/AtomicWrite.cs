namespace Voucherify.Core.Storage;

/// <summary>One write of an <see cref="IAtomicDocumentWriter"/> transaction.</summary>
public abstract record AtomicWrite(DocumentKey Key);
