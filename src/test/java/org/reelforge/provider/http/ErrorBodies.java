package org.reelforge.provider.http;

/** Error bodies copied from provider-api-notes.md, for the WireMock stubs of every adapter. */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    public static final String GOOGLE_GENERATE_AUDIO_UNSUPPORTED = """
            {"error":{"code":400,"message":"`generateAudio` isn't supported by this model. Please remove it or refer \
            to the Gemini API documentation for supported usage.","status":"INVALID_ARGUMENT"}}""";

    public static final String GOOGLE_API_KEY_INVALID = """
            {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT",
             "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID",
               "domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}}""";

    public static final String GOOGLE_RESOURCE_EXHAUSTED = """
            {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details. \
            For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. \
            Please retry in 23.47s.","status":"RESOURCE_EXHAUSTED",
             "details":[
              {"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Learn more about Gemini API quotas",
                "url":"https://ai.google.dev/gemini-api/docs/rate-limits"}]},
              {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{
                "quotaMetric":"generativelanguage.googleapis.com/generate_requests_per_model",
                "quotaId":"GenerateRequestsPerMinutePerProjectPerModel",
                "quotaDimensions":{"model":"veo-3.1-fast-generate-preview","location":"global"},"quotaValue":"2"}]},
              {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"23s"}]}}""";

    public static final String GOOGLE_INTERNAL = """
            {"error":{"code":500,"message":"An internal error has occurred. Please retry or report in \
            https://developers.generativeai.google/guide/troubleshooting","status":"INTERNAL"}}""";

    public static final String GOOGLE_UNAVAILABLE = """
            {"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}""";

    public static final String OPENAI_INVALID_API_KEY = """
            {"error":{"message":"Incorrect API key provided: sk-abc12***************************wxyz. You can find your \
            API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,
            "code":"invalid_api_key"}}""";

    public static final String OPENAI_INSUFFICIENT_QUOTA = """
            {"error":{"message":"You exceeded your current quota, please check your plan and billing details. For more \
            information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
            "type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""";

    public static final String OPENAI_RATE_LIMIT = """
            {"error":{"message":"Rate limit reached for requests","type":"requests","param":null,
            "code":"rate_limit_exceeded"}}""";

    public static final String OPENAI_SERVER_ERROR = """
            {"error":{"message":"The server had an error while processing your request. Sorry about that!",
            "type":"server_error","param":null,"code":null}}""";

    public static final String ELEVENLABS_QUOTA_EXCEEDED = """
            {"detail":{"status":"quota_exceeded","message":"This request exceeds your quota of 10000. You have 0 \
            credits remaining, while 91 credits are required for this request."}}""";

    public static final String ELEVENLABS_INVALID_API_KEY = """
            {"detail":{"status":"invalid_api_key","message":"Invalid API key"}}""";

    public static final String ELEVENLABS_TOO_MANY_CONCURRENT = """
            {"detail":{"status":"too_many_concurrent_requests","message":"Too many concurrent requests. Your current \
            subscription allows 2 concurrent requests."}}""";

    public static final String ELEVENLABS_SYSTEM_BUSY = """
            {"detail":{"status":"system_busy","message":"We are experiencing heavy traffic, please try again later."}}""";

    public static final String ELEVENLABS_MAX_CHARACTERS = """
            {"detail":{"status":"max_character_limit_exceeded","message":"You are sending 10010 characters; the maximum \
            is 10000 characters."}}""";

    public static final String ELEVENLABS_VALIDATION = """
            {"detail":[{"loc":["body","text"],"msg":"field required","type":"value_error.missing"}]}""";

    public static final String WHISPERCPP_NO_FILE = """
            {"error":"no 'file' field in the request"}""";
}
