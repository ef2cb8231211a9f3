package org.reelforge.app;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.reelforge.app.ProviderSelection.Built;
import org.reelforge.app.ProviderSelection.Candidate;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ModelLookup;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.elevenlabs.ElevenLabsSpeechSynthesizer;
import org.reelforge.provider.gemini.GeminiConfig;
import org.reelforge.provider.gemini.GeminiModelLookup;
import org.reelforge.provider.gemini.GeminiScriptWriter;
import org.reelforge.provider.gemini.GeminiTranscriber;
import org.reelforge.provider.http.AccessToken;
import org.reelforge.provider.http.Environment;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.provider.omni.OmniClipGenerator;
import org.reelforge.provider.omni.OmniConfig;
import org.reelforge.provider.openai.OpenAiScriptWriter;
import org.reelforge.provider.veo.VeoClipGenerator;
import org.reelforge.provider.veo.VertexModelLookup;
import org.reelforge.provider.veo.VertexVeoClipGenerator;
import org.reelforge.provider.veo.VertexVeoConfig;
import org.reelforge.provider.whisper.OpenAiTranscriber;
import org.reelforge.provider.whisper.WhisperCppTranscriber;

/** The real providers of each step, in the order {@code auto} tries them, built from the environment and the catalog. */
final class RealProviders {
    static final String GEMINI_KEY = "REELFORGE_GEMINI_API_KEY";
    static final String VERTEX_NEEDS = "REELFORGE_VERTEX_PROJECT and REELFORGE_VERTEX_ACCESS_TOKEN (or _ACCESS_TOKEN_FILE)";
    private static final HttpTimeouts LOOKUP_TIMEOUTS = HttpTimeouts.ofSeconds(5, 15);
    private final Map<String, String> env;
    private final Environment e;
    private final CatalogModels catalog;

    RealProviders(Map<String, String> env, CatalogModels catalog) {
        this.env = env;
        this.e = new Environment(env);
        this.catalog = catalog;
    }

    private URI geminiBase() {
        return e.uri("REELFORGE_GEMINI_BASE_URL", OmniConfig.GEMINI_BASE_URL);
    }

    /** {@code v1beta} as Google's pages show (the JS SDK 3.3 calls {@code v1}); {@code REELFORGE_GEMINI_API_VERSION}. */
    private String geminiVersion() {
        String v = e.get("REELFORGE_GEMINI_API_VERSION", "v1beta");
        if (!v.matches("v1|v1beta|v1alpha")) {
            throw new org.reelforge.ReelForgeException("REELFORGE_GEMINI_API_VERSION must be v1, v1beta or v1alpha (got \"" + v + "\")");
        }
        return v;
    }

    private ModelLookup geminiLookup(Secret key) {
        return new GeminiModelLookup(geminiBase(), key, geminiVersion(), LOOKUP_TIMEOUTS);
    }

    private Optional<AccessToken> vertexToken() {
        return e.secret("REELFORGE_VERTEX_ACCESS_TOKEN").map(AccessToken::fixed)
                .or(() -> e.optional("REELFORGE_VERTEX_ACCESS_TOKEN_FILE").map(f -> AccessToken.file(java.nio.file.Path.of(f))));
    }

    private URI vertexGlobalBase() {
        return e.uri("REELFORGE_VERTEX_GLOBAL_BASE_URL", OmniConfig.VERTEX_BASE_URL);
    }

    @SuppressWarnings("unchecked")
    Candidate<ScriptWriter>[] scriptWriters() {
        String geminiModel = catalog.defaultModel("script", "gemini");
        String openAiModel = catalog.defaultModel("script", "openai");
        return new Candidate[] {
            new Candidate<ScriptWriter>("gemini", GEMINI_KEY, true, () -> GeminiScriptWriter.fromEnvironment(env, geminiModel,
                    m -> catalog.text("gemini-api", m, false)).map(w -> new Built<>(w, "gemini-api",
                    modelOf(w.name()), "REELFORGE_GEMINI_MODEL", geminiLookup(e.secret(GEMINI_KEY).orElseThrow())))),
            new Candidate<ScriptWriter>("openai", "REELFORGE_OPENAI_API_KEY or REELFORGE_OPENAI_BASE_URL", true,
                    () -> OpenAiScriptWriter.fromEnvironment(env, openAiModel, m -> catalog.text("openai", m, true))
                            .map(w -> new Built<>(w, "openai", modelOf(w.name()), "REELFORGE_OPENAI_MODEL", ModelLookup.UNCHECKED)))
        };
    }

    @SuppressWarnings("unchecked")
    Candidate<SpeechSynthesizer>[] voices() {
        return new Candidate[] {
            new Candidate<SpeechSynthesizer>("elevenlabs", "REELFORGE_ELEVENLABS_API_KEY", true,
                    () -> ElevenLabsSpeechSynthesizer.fromEnvironment(env).map(s -> new Built<>(s, "elevenlabs",
                            modelOf(s.name()), "REELFORGE_ELEVENLABS_MODEL", ModelLookup.UNCHECKED)))
        };
    }

    @SuppressWarnings("unchecked")
    Candidate<ClipGenerator>[] clipGenerators() {
        return new Candidate[] {
            new Candidate<ClipGenerator>("omni", GEMINI_KEY, true, this::omni),
            new Candidate<ClipGenerator>("vertex", VERTEX_NEEDS, true, this::vertexVeo),
            new Candidate<ClipGenerator>("omni-vertex", VERTEX_NEEDS, false, this::omniVertex),
            new Candidate<ClipGenerator>("veo", GEMINI_KEY + " (Veo on the Gemini API was shut down on 2026-10-22)", false,
                    () -> VeoClipGenerator.fromEnvironment(env, catalog.defaultModel("clip", "veo"),
                            m -> catalog.clip("gemini-api", "veo", m, "REELFORGE_VEO_MODEL")).map(g -> new Built<>(g,
                            "gemini-api", g.capabilities().model(), "REELFORGE_VEO_MODEL",
                            geminiLookup(e.secret(GEMINI_KEY).orElseThrow()))))
        };
    }

    @SuppressWarnings("unchecked")
    Candidate<Transcriber>[] transcribers(Transcriber aligner) {
        return new Candidate[] {
            new Candidate<Transcriber>("whispercpp", "REELFORGE_WHISPERCPP_BASE_URL", true,
                    () -> WhisperCppTranscriber.fromEnvironment(env).map(t -> new Built<>(t, "local", "whisper.cpp",
                            "REELFORGE_WHISPERCPP_BASE_URL", ModelLookup.UNCHECKED))),
            new Candidate<Transcriber>("whisper", "REELFORGE_WHISPER_API_KEY or REELFORGE_OPENAI_API_KEY", true,
                    () -> OpenAiTranscriber.fromEnvironment(env).map(t -> new Built<>(t, "openai", modelOf(t.name()),
                            "REELFORGE_WHISPER_API_KEY", ModelLookup.UNCHECKED))),
            new Candidate<Transcriber>("gemini", GEMINI_KEY + " (and no Whisper key)", true, () -> GeminiConfig.fromEnvironment(
                    env, catalog.defaultModel("transcriber", "gemini"), m -> catalog.text("gemini-api", m, false))
                    .map(c -> new Built<>(new HeardSpeechTranscriber(new GeminiTranscriber(c), aligner), "gemini-api",
                            c.model(), "REELFORGE_GEMINI_MODEL", geminiLookup(c.apiKey()))))
        };
    }

    private Optional<Built<ClipGenerator>> omni() {
        return e.secret(GEMINI_KEY).map(key -> {
            String model = e.get("REELFORGE_OMNI_MODEL", catalog.defaultModel("clip", "omni"));
            OmniConfig config = OmniConfig.gemini(geminiBase(), geminiVersion(), key,
                    catalog.clip("gemini-api", "omni", model, "REELFORGE_OMNI_MODEL"),
                    catalog.tokensPerSecond("gemini-api", model), HttpTimeouts.ofSeconds(10, 60));
            return new Built<>(new OmniClipGenerator(config), "gemini-api", model, "REELFORGE_OMNI_MODEL", geminiLookup(key));
        });
    }

    private Optional<Built<ClipGenerator>> omniVertex() {
        Optional<String> project = e.optional("REELFORGE_VERTEX_PROJECT");
        Optional<AccessToken> token = vertexToken();
        if (project.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        String model = e.get("REELFORGE_OMNI_MODEL", catalog.defaultModel("clip", "omni-vertex"));
        OmniConfig config = OmniConfig.vertex(vertexGlobalBase(), project.get(), token.get(),
                catalog.clip("vertex", "omni-vertex", model, "REELFORGE_OMNI_MODEL"), catalog.tokensPerSecond("vertex", model),
                e.optional("REELFORGE_VERTEX_STORAGE_URI"),
                e.uri("REELFORGE_VERTEX_STORAGE_BASE_URL", VertexVeoConfig.DEFAULT_STORAGE_BASE_URL), HttpTimeouts.ofSeconds(10, 60));
        return Optional.of(new Built<>(new OmniClipGenerator(config), "vertex", model, "REELFORGE_OMNI_MODEL",
                new VertexModelLookup(vertexGlobalBase(), token.get(), LOOKUP_TIMEOUTS)));
    }

    private Optional<Built<ClipGenerator>> vertexVeo() {
        return VertexVeoConfig.fromEnvironment(env, catalog.defaultModel("clip", "vertex"),
                m -> catalog.clip("vertex", "vertex", m, "REELFORGE_VEO_MODEL")).map(c -> new Built<>(
                new VertexVeoClipGenerator(c), "vertex", c.model(), "REELFORGE_VEO_MODEL",
                new VertexModelLookup(vertexGlobalBase(), c.accessToken(), LOOKUP_TIMEOUTS)));
    }

    /** {@code gemini:gemini-3.8-flash} → {@code gemini-3.8-flash}. */
    private static String modelOf(String adapterName) {
        return adapterName.contains(":") ? adapterName.substring(adapterName.indexOf(':') + 1) : adapterName;
    }
}
