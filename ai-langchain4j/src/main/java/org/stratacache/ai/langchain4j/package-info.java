/**
 * The Strata AI response cache for LangChain4j: {@link org.stratacache.ai.langchain4j.CachingChatModel}
 * and {@link org.stratacache.ai.langchain4j.CachingStreamingChatModel} wrap a model and answer a
 * repeated {@code ChatRequest} (same messages, parameters, tools and response format) from the cache,
 * as the framework's own {@code ChatResponse}.
 */
package org.stratacache.ai.langchain4j;
