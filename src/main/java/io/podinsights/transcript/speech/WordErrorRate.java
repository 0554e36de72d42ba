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
    // Two rolling rows of the edit-distance table (an hour of speech is ~10k words: a full table would not fit),
    // each cell carrying its substitution, deletion and insertion counts.
    int[] cost = new int[m + 1], sub = new int[m + 1], del = new int[m + 1], ins = new int[m + 1];
    int[] pCost = new int[m + 1], pSub = new int[m + 1], pDel = new int[m + 1], pIns = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      pCost[j] = j;
      pIns[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cost[0] = i;
      sub[0] = 0;
      del[0] = i;
      ins[0] = 0;
      for (int j = 1; j <= m; j++) {
        boolean same = ref.get(i - 1).equals(hyp.get(j - 1));
        int diag = pCost[j - 1] + (same ? 0 : 1);
        int up = pCost[j] + 1;
        int left = cost[j - 1] + 1;
        if (diag <= up && diag <= left) {
          cost[j] = diag;
          sub[j] = pSub[j - 1] + (same ? 0 : 1);
          del[j] = pDel[j - 1];
          ins[j] = pIns[j - 1];
        } else if (up <= left) {
          cost[j] = up;
          sub[j] = pSub[j];
          del[j] = pDel[j] + 1;
          ins[j] = pIns[j];
        } else {
          cost[j] = left;
          sub[j] = sub[j - 1];
          del[j] = del[j - 1];
          ins[j] = ins[j - 1] + 1;
        }
      }
      int[] t = pCost; pCost = cost; cost = t;
      t = pSub; pSub = sub; sub = t;
      t = pDel; pDel = del; del = t;
      t = pIns; pIns = ins; ins = t;
    }
    return new WordErrorRate(pSub[m], pDel[m], pIns[m], n);
  }
}
