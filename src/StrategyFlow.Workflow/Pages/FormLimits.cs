using System.Text;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// How large a posted stakeholder form or review page may be, computed from the validator's maxima. The review
/// page carries everything the stakeholder form does plus the decision, so its largest valid post bounds both:
/// every list at <see cref="Limits.ListItems"/> rows plus the new rows a page may add, every reference list at
/// <see cref="Limits.References"/>, every field and the comment at their maximum length in their worst encoding.
/// </summary>
public static class FormLimits
{
    /// <summary>
    /// Bytes one UTF-16 code unit (what the validator counts) can take in a URL-encoded body: a character of
    /// U+0800–U+FFFF (€, –) is three UTF-8 bytes, each sent as %XX. Beyond U+FFFF it is four bytes (12 sent) for
    /// two code units; a line break is one code unit sent as %0D%0A.
    /// </summary>
    public const int WorstBytesPerChar = 9;

    /// <summary>
    /// Row numbers a review page may show: a merged draft holds every stakeholder's full lists, plus the new rows.
    /// </summary>
    private const int HighestRow = StartStrategyValidator.MaxStakeholders * Limits.ListItems + FormReader.MaxBlankRows;

    /// <summary>The largest valid post of any stage, in bytes: the hard limit of a form body.</summary>
    public static long MaxBodyBytes { get; } = StageKeys.InOrder.Max(stage => Controls(stage, Limits.References).Sum(c => c.Bytes));

    /// <summary>
    /// A value is limited only by the body: a field over its own maximum is still read, so that the page can show
    /// it again and the validator can name it, and a send-back never fails on a draft it does not need.
    /// </summary>
    public static int MaxValueBytes { get; } = checked((int)MaxBodyBytes);

    /// <summary>
    /// The most values a page posts: every control of a maximal page with every box it offers ticked. Ticking
    /// more boxes than valid must still reach the validator, which says which list has too many.
    /// </summary>
    public static int MaxValueCount { get; } = StageKeys.InOrder.Max(stage => Controls(stage, Limits.ListItems).Count());

    /// <summary>The longest field name a page renders, encoded, at the highest row number a merged draft can show.</summary>
    public static int MaxKeyBytes { get; } = StageKeys.InOrder.Max(stage => Controls(stage, 1, HighestRow).Max(c => Encoded(c.Name)));

    /// <summary>A control a page posts, and the most bytes its value takes once encoded.</summary>
    private readonly record struct Control(string Name, long ValueBytes)
    {
        /// <summary>In the body as <c>name=value&amp;</c>.</summary>
        public long Bytes => Encoded(Name) + 1 + ValueBytes + 1;
    }

    /// <summary>
    /// Every control the page of <paramref name="stage"/> posts for the largest valid draft, with
    /// <paramref name="ticked"/> boxes ticked in each checkbox group; only row <paramref name="onlyRow"/> when given.
    /// </summary>
    private static IEnumerable<Control> Controls(StageKey stage, int ticked, int? onlyRow = null)
    {
        var lists = StageLists.For(stage);
        string[] actions =
        [
            FormFields.Submit, FormFields.Approve, FormFields.RequestChanges, FormFields.Reject,
            .. lists.Where(l => !l.Single && l.FixedKeys is null).Select(l => FormFields.AddRowPrefix + l.Name),
        ];
        yield return Written(FormFields.Action, actions.MaxBy(Encoded)!);
        yield return Written(FormFields.DraftBase, new string('0', 64)); // a SHA-256 in hex
        yield return Typed(FormFields.Comment, Limits.Comment);
        for (var i = 0; i < InnerCycle.Get(stage).Questions.Count; i++)
        {
            yield return Typed(FormFields.Response(i), Limits.LongText);
        }

        foreach (var list in lists)
        {
            // A list of approved keys shows one row for each (at most a full list); others may add new rows.
            var rows = list.Single ? 1 : list.FixedKeys is null ? Limits.ListItems + FormReader.MaxBlankRows : Limits.ListItems;
            foreach (var row in onlyRow is { } only ? [only] : Enumerable.Range(0, rows))
            {
                if (!list.Single)
                {
                    yield return Written(list.FieldName(row, FormFields.Remove), "true");
                }

                foreach (var field in list.Fields)
                {
                    // Selects, checkboxes and fixed keys post names the strategy or an earlier stage gave: short texts.
                    var name = list.FieldName(row, field.Name);
                    for (var k = 0; k < (field.Kind == FieldKind.Choices ? ticked : 1); k++)
                    {
                        yield return Typed(name, field.MaxLength);
                    }

                    if (field.FreeText)
                    {
                        yield return Typed(name + FormFields.FreeTextSuffix, Limits.MediumText);
                    }
                }
            }
        }
    }

    /// <summary>A value a person types or picks: up to <paramref name="maxChars"/> code units, each in its worst encoding.</summary>
    private static Control Typed(string name, int maxChars) => new(name, (long)maxChars * WorstBytesPerChar);

    /// <summary>A value the page itself writes.</summary>
    private static Control Written(string name, string value) => new(name, Encoded(value));

    /// <summary>Length once URL-encoded: ASCII letters, digits and <c>-._</c> stay; every other UTF-8 byte becomes %XX.</summary>
    private static int Encoded(string text) =>
        Encoding.UTF8.GetBytes(text).Sum(b => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' ? 1 : 3);
}
