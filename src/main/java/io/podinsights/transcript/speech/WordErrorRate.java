package io.podinsights.transcript.speech;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Word error rate of a hypothesis against a reference, after normalising case and punctuation. */
public record WordErrorRate(int substitutions, int deletions, int insertions, int referenceWords) {

  public double rate() {
    return referenceWords == 0 ? (insertions == 0 ? 0 : 1) : (substitutions + deletions + insertions) / (double) referenceWords;
  }

  /** Lower-case words, punctuation removed (apostrophes inside words kept, hyphens split words). */
  public static List<String> normalise(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'').replace('-', ' ');
    t = t.replaceAll("[^\\p{L}\\p{N}' ]+", " ").replaceAll("(^|\\s)'+|'+(\\s|$)", " ");
    return Arrays.stream(t.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  public static WordErrorRate of(String reference, String hypothesis) {
    List<String> ref = normalise(reference);
    List<String> hyp = normalise(hypothesis);
    int n = ref.size();
    int m = hyp.size();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) d[i][0] = i;
    for (int j = 0; j <= m; j++) d[0][j] = j;
    for (int i = 1; i <= n; i++)
      for (int j = 1; j <= m; j++)
        d[i][j] = Math.min(d[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1),
            Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
    int s = 0, del = 0, ins = 0;
    int i = n, j = m;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1)) {
        if (!ref.get(i - 1).equals(hyp.get(j - 1))) s++;
        i--;
        j--;
      } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
        del++;
        i--;
      } else {
        ins++;
        j--;
      }
    }
    return new WordErrorRate(s, del, ins, n);
  }
}
