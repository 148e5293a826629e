// Lucene 4.10's HindiAnalyzer on each line of standard input: prints the line's tokens, tab
// separated, one output line per input line. Run by bench/morphology.measure.ts with Java's
// single-file launcher against the Debian jars (liblucene4.10-java).
import java.io.*;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

public class LuceneHindi {
  public static void main(String[] args) throws Exception {
    HindiAnalyzer analyzer = new HindiAnalyzer();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, "UTF-8");
    String line;
    while ((line = in.readLine()) != null) {
      StringBuilder tokens = new StringBuilder();
      try (TokenStream stream = analyzer.tokenStream("text", line)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          if (tokens.length() > 0) tokens.append('\t');
          tokens.append(term.toString());
        }
        stream.end();
      }
      out.println(tokens);
    }
    out.flush();
  }
}
