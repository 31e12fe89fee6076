from rest_framework.pagination import PageNumberPagination


class Paginering(PageNumberPagination):
    page_size_query_param = "pageSize"
    max_page_size = 100
    page_query_description = "Het nummer van de pagina (de eerste is 1)."
    page_size_query_description = "Het aantal resultaten per pagina (standaard 25, hoogstens 100)."
