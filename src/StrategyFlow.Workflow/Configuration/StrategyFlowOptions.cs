using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace StrategyFlow.Workflow.Configuration;

/// <summary>
/// Configuration section <c>StrategyFlow</c> (app settings <c>StrategyFlow__…</c>). The same names are
/// set by infra/main.bicep on Azure and by the local host.
/// </summary>
public sealed class StrategyFlowOptions
{
    public const string SectionName = "StrategyFlow";

    /// <summary>Base URL that links in emails start with, e.g. <c>https://func-abc.azurewebsites.net</c>.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "";

    [Required, ValidateObjectMembers]
    public MailOptions Mail { get; set; } = new();

    [Required, ValidateObjectMembers]
    public LinkOptions Links { get; set; } = new();

    [Required, ValidateObjectMembers]
    public StorageOptions Storage { get; set; } = new();

    [Required, ValidateObjectMembers]
    public DeliveryOptions Delivery { get; set; } = new();

    [Required, ValidateObjectMembers]
    public RetentionOptions Retention { get; set; } = new();

    [Required, ValidateObjectMembers]
    public FormOptions Forms { get; set; } = new();
}
